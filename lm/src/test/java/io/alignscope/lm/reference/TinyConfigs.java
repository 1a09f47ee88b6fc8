package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small {@code config.json}s, shaped like those transformers writes, for tests. Each call returns a
 * fresh mutable {@link ObjectNode}, so a test may adjust a copy.
 */
public final class TinyConfigs {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TinyConfigs() {
    }

    /**
     * Llama: hidden 32, 2 layers, 4 heads with 2 kv heads (GQA, head_dim 8), intermediate 64,
     * vocab 97, rope_theta 10000, rms_norm_eps 1e-6, untied, no biases, no rope scaling.
     */
    public static ObjectNode tinyLlama() {
        ObjectNode c = MAPPER.createObjectNode();
        c.putArray("architectures").add("LlamaForCausalLM");
        c.put("model_type", "llama");
        c.put("vocab_size", 97);
        c.put("hidden_size", 32);
        c.put("intermediate_size", 64);
        c.put("num_hidden_layers", 2);
        c.put("num_attention_heads", 4);
        c.put("num_key_value_heads", 2);
        c.put("hidden_act", "silu");
        c.put("max_position_embeddings", 128);
        c.put("rms_norm_eps", 1e-6);
        c.put("rope_theta", 10000.0);
        c.putNull("rope_scaling");
        c.put("attention_bias", false);
        c.put("attention_dropout", 0.0);
        c.put("mlp_bias", false);
        c.put("tie_word_embeddings", false);
        c.put("initializer_range", 0.02);
        c.put("bos_token_id", 1);
        c.put("eos_token_id", 2);
        c.put("torch_dtype", "float32");
        return c;
    }

    /**
     * {@link #tinyLlama()} with Llama 3.1 rope scaling: factor 8, low_freq_factor 1, high_freq_factor 4,
     * original_max_position_embeddings 16. With head_dim 8 the wavelengths are 2&pi;&middot;{1, 10, 100, 1000};
     * the first lies between 16/4 and 16/1 (smoothly interpolated), the others exceed 16 (divided by 8).
     */
    public static ObjectNode tinyLlamaLlama3Rope() {
        ObjectNode c = tinyLlama();
        ObjectNode s = c.putObject("rope_scaling");
        s.put("rope_type", "llama3");
        s.put("factor", 8.0);
        s.put("low_freq_factor", 1.0);
        s.put("high_freq_factor", 4.0);
        s.put("original_max_position_embeddings", 16);
        return c;
    }

    /** {@link #tinyLlama()} with linear rope scaling, factor 2, written with the legacy {@code "type"} key. */
    public static ObjectNode tinyLlamaLinearRope() {
        ObjectNode c = tinyLlama();
        ObjectNode s = c.putObject("rope_scaling");
        s.put("type", "linear");
        s.put("factor", 2.0);
        return c;
    }

    /**
     * {@link #tinyLlama()} with an explicit {@code head_dim} of 16 that differs from hidden / heads (= 8):
     * q_proj is [64, 32], k/v_proj [32, 32], o_proj [32, 64].
     */
    public static ObjectNode tinyLlamaExplicitHeadDim() {
        ObjectNode c = tinyLlama();
        c.put("head_dim", 16);
        return c;
    }

    /** Mistral: the tiny llama shape with sliding_window 4 (so it matters for sequences longer than 4). */
    public static ObjectNode tinyMistral() {
        ObjectNode c = tinyLlama();
        c.putArray("architectures").add("MistralForCausalLM");
        c.put("model_type", "mistral");
        c.remove("attention_bias");
        c.remove("mlp_bias");
        c.put("sliding_window", 4);
        c.put("head_dim", 8);
        return c;
    }

    /**
     * Qwen2: the tiny llama shape with q/k/v biases, tied embeddings (no lm_head) and rope_theta 1e6.
     * It carries {@code sliding_window: 4} with {@code use_sliding_window: false}, as real Qwen2 configs
     * carry an inactive window: an implementation that applies it is wrong.
     */
    public static ObjectNode tinyQwen2() {
        ObjectNode c = tinyLlama();
        c.putArray("architectures").add("Qwen2ForCausalLM");
        c.put("model_type", "qwen2");
        c.remove("attention_bias");
        c.remove("mlp_bias");
        c.put("rope_theta", 1000000.0);
        c.put("tie_word_embeddings", true);
        c.put("use_sliding_window", false);
        c.put("sliding_window", 4);
        c.put("max_window_layers", 1);
        return c;
    }

    /**
     * GPT-2: n_embd 32, 2 layers, 4 heads, n_positions 64, vocab 97, n_inner null (so 128),
     * gelu_new, layer_norm_epsilon 1e-5, tied embeddings.
     */
    public static ObjectNode tinyGpt2() {
        ObjectNode c = MAPPER.createObjectNode();
        c.putArray("architectures").add("GPT2LMHeadModel");
        c.put("model_type", "gpt2");
        c.put("vocab_size", 97);
        c.put("n_positions", 64);
        c.put("n_ctx", 64);
        c.put("n_embd", 32);
        c.put("n_layer", 2);
        c.put("n_head", 4);
        c.putNull("n_inner");
        c.put("activation_function", "gelu_new");
        c.put("layer_norm_epsilon", 1e-5);
        c.put("resid_pdrop", 0.1);
        c.put("embd_pdrop", 0.1);
        c.put("attn_pdrop", 0.1);
        c.put("scale_attn_weights", true);
        c.put("scale_attn_by_inverse_layer_idx", false);
        c.put("reorder_and_upcast_attn", false);
        c.put("initializer_range", 0.02);
        c.put("bos_token_id", 96);
        c.put("eos_token_id", 96);
        c.put("tie_word_embeddings", true);
        return c;
    }
}
