package io.alignscope.lm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Config defaults as transformers' LlamaConfig, MistralConfig, Qwen2Config and GPT2Config set them. */
class RotaryDecoderConfigTest {

    private static ObjectNode without(ObjectNode c, String... keys) {
        for (String k : keys) {
            c.remove(k);
        }
        return c;
    }

    @Test
    void keyValueHeadDefaults() {
        ObjectNode llama = without(TinyConfigs.tinyLlama(), "num_key_value_heads");
        assertEquals(4, RotaryDecoderConfig.fromConfig(llama).numKvHeads());
        ObjectNode mistral = without(TinyConfigs.tinyMistral(), "num_key_value_heads", "head_dim");
        mistral.put("num_attention_heads", 16);
        assertEquals(8, RotaryDecoderConfig.fromConfig(mistral).numKvHeads());
        ObjectNode mistralNull = TinyConfigs.tinyMistral();
        mistralNull.putNull("num_key_value_heads");
        assertEquals(4, RotaryDecoderConfig.fromConfig(mistralNull).numKvHeads());
        ObjectNode qwen = without(TinyConfigs.tinyQwen2(), "num_key_value_heads");
        qwen.put("num_attention_heads", 32);
        assertEquals(32, RotaryDecoderConfig.fromConfig(qwen).numKvHeads());
        ObjectNode qwenNull = TinyConfigs.tinyQwen2();
        qwenNull.putNull("num_key_value_heads");
        assertEquals(4, RotaryDecoderConfig.fromConfig(qwenNull).numKvHeads());
    }

    @Test
    void otherDefaults() {
        RotaryDecoderConfig c = RotaryDecoderConfig.fromConfig(
                without(TinyConfigs.tinyLlama(), "rms_norm_eps", "hidden_act", "tie_word_embeddings", "attention_bias",
                        "mlp_bias", "rope_theta", "rope_scaling"));
        assertEquals(1e-6, c.rmsNormEps());
        assertEquals("silu", c.hiddenAct());
        assertFalse(c.tieWordEmbeddings());
        assertFalse(c.qkvBias() || c.oProjBias() || c.mlpBias());
        assertEquals(8, c.headDim());
        assertEquals(RopeConfig.unscaled(10000), c.rope());
        assertFalse(RotaryDecoderConfig.fromConfig(without(TinyConfigs.tinyQwen2(), "tie_word_embeddings")).tieWordEmbeddings());
        assertFalse(RotaryDecoderConfig.fromConfig(without(TinyConfigs.tinyMistral(), "tie_word_embeddings")).tieWordEmbeddings());
        assertTrue(Gpt2Config.fromConfig(without(TinyConfigs.tinyGpt2(), "tie_word_embeddings")).tieWordEmbeddings());
        Gpt2Config g = Gpt2Config.fromConfig(without(TinyConfigs.tinyGpt2(), "n_inner", "activation_function",
                "layer_norm_epsilon", "n_positions"));
        assertEquals(128, g.nInner());
        assertEquals("gelu_new", g.activation());
        assertEquals(1e-5, g.layerNormEpsilon());
        assertEquals(1024, g.nPositions());
    }

    @Test
    void slidingWindowPerLayer() {
        int none = CausalAttention.NO_WINDOW;
        assertArrayEquals(new int[] {4, 4}, RotaryDecoderConfig.fromConfig(TinyConfigs.tinyMistral()).slidingWindows());
        assertArrayEquals(new int[] {4096, 4096},
                RotaryDecoderConfig.fromConfig(without(TinyConfigs.tinyMistral(), "sliding_window")).slidingWindows());
        ObjectNode mistralNull = TinyConfigs.tinyMistral();
        mistralNull.putNull("sliding_window");
        assertArrayEquals(new int[] {none, none}, RotaryDecoderConfig.fromConfig(mistralNull).slidingWindows());
        assertArrayEquals(new int[] {none, none}, RotaryDecoderConfig.fromConfig(TinyConfigs.tinyLlama()).slidingWindows());

        assertArrayEquals(new int[] {none, none}, RotaryDecoderConfig.fromConfig(TinyConfigs.tinyQwen2()).slidingWindows());
        ObjectNode qwen = TinyConfigs.tinyQwen2();
        qwen.put("use_sliding_window", true); // max_window_layers 1: layers >= 1 slide
        assertArrayEquals(new int[] {none, 4}, RotaryDecoderConfig.fromConfig(qwen).slidingWindows());
        qwen.remove("max_window_layers"); // default 28: no layer of 2 slides
        assertArrayEquals(new int[] {none, none}, RotaryDecoderConfig.fromConfig(qwen).slidingWindows());
        qwen.putArray("layer_types").add("sliding_attention").add("full_attention");
        assertArrayEquals(new int[] {4, none}, RotaryDecoderConfig.fromConfig(qwen).slidingWindows());
    }

    @Test
    void rejectsInconsistentHeads() {
        ObjectNode c = TinyConfigs.tinyLlama();
        c.put("num_key_value_heads", 3);
        assertThrows(IllegalArgumentException.class, () -> RotaryDecoderConfig.fromConfig(c));
        ObjectNode d = TinyConfigs.tinyLlama();
        d.put("num_attention_heads", 5);
        d.put("num_key_value_heads", 5);
        assertThrows(IllegalArgumentException.class, () -> RotaryDecoderConfig.fromConfig(d));
        ObjectNode e = TinyConfigs.tinyLlama();
        e.put("hidden_act", "mish");
        assertThrows(IllegalArgumentException.class, () -> RandomCheckpoint.of(e, 1).reference());
    }
}
