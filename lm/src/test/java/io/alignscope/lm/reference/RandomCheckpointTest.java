package io.alignscope.lm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomCheckpointTest {

    @Test
    void llamaLayout() {
        RandomCheckpoint c = RandomCheckpoint.of(TinyConfigs.tinyLlama(), 1);
        Map<String, long[]> s = c.shapes();
        assertEquals(2 + 9 * 2 + 1, s.size());
        assertArrayEquals(new long[] {97, 32}, s.get("model.embed_tokens.weight"));
        assertArrayEquals(new long[] {32, 32}, s.get("model.layers.1.self_attn.q_proj.weight"));
        assertArrayEquals(new long[] {16, 32}, s.get("model.layers.1.self_attn.k_proj.weight"));
        assertArrayEquals(new long[] {16, 32}, s.get("model.layers.1.self_attn.v_proj.weight"));
        assertArrayEquals(new long[] {32, 32}, s.get("model.layers.1.self_attn.o_proj.weight"));
        assertArrayEquals(new long[] {64, 32}, s.get("model.layers.0.mlp.gate_proj.weight"));
        assertArrayEquals(new long[] {64, 32}, s.get("model.layers.0.mlp.up_proj.weight"));
        assertArrayEquals(new long[] {32, 64}, s.get("model.layers.0.mlp.down_proj.weight"));
        assertArrayEquals(new long[] {32}, s.get("model.layers.0.input_layernorm.weight"));
        assertArrayEquals(new long[] {32}, s.get("model.layers.0.post_attention_layernorm.weight"));
        assertArrayEquals(new long[] {32}, s.get("model.norm.weight"));
        assertArrayEquals(new long[] {97, 32}, s.get("lm_head.weight"));
        assertTrue(s.keySet().stream().noneMatch(n -> n.endsWith(".bias")));
        c.weights().forEach((n, v) -> assertEquals(product(s.get(n)), v.length, n));
    }

    @Test
    void explicitHeadDimLayout() {
        Map<String, long[]> s = RandomCheckpoint.of(TinyConfigs.tinyLlamaExplicitHeadDim(), 1).shapes();
        assertArrayEquals(new long[] {64, 32}, s.get("model.layers.0.self_attn.q_proj.weight"));
        assertArrayEquals(new long[] {32, 32}, s.get("model.layers.0.self_attn.k_proj.weight"));
        assertArrayEquals(new long[] {32, 64}, s.get("model.layers.0.self_attn.o_proj.weight"));
    }

    @Test
    void qwen2Layout() {
        Map<String, long[]> s = RandomCheckpoint.of(TinyConfigs.tinyQwen2(), 1).shapes();
        assertFalse(s.containsKey("lm_head.weight"));
        assertArrayEquals(new long[] {32}, s.get("model.layers.0.self_attn.q_proj.bias"));
        assertArrayEquals(new long[] {16}, s.get("model.layers.0.self_attn.k_proj.bias"));
        assertArrayEquals(new long[] {16}, s.get("model.layers.0.self_attn.v_proj.bias"));
        assertFalse(s.containsKey("model.layers.0.self_attn.o_proj.bias"));
        assertFalse(s.containsKey("model.layers.0.mlp.up_proj.bias"));
    }

    @Test
    void gpt2Layout() {
        Map<String, long[]> s = RandomCheckpoint.of(TinyConfigs.tinyGpt2(), 1).shapes();
        assertEquals(2 + 12 * 2 + 2, s.size());
        assertArrayEquals(new long[] {97, 32}, s.get("wte.weight"));
        assertArrayEquals(new long[] {64, 32}, s.get("wpe.weight"));
        assertArrayEquals(new long[] {32, 96}, s.get("h.0.attn.c_attn.weight"));
        assertArrayEquals(new long[] {96}, s.get("h.0.attn.c_attn.bias"));
        assertArrayEquals(new long[] {32, 32}, s.get("h.0.attn.c_proj.weight"));
        assertArrayEquals(new long[] {32, 128}, s.get("h.1.mlp.c_fc.weight"));
        assertArrayEquals(new long[] {128, 32}, s.get("h.1.mlp.c_proj.weight"));
        assertArrayEquals(new long[] {32}, s.get("ln_f.bias"));
        assertFalse(s.containsKey("lm_head.weight"));
    }

    @Test
    void tensorsAreIndependentOfEachOther() {
        RandomCheckpoint tied = RandomCheckpoint.of(TinyConfigs.tinyQwen2(), 5);
        var untiedConfig = TinyConfigs.tinyQwen2();
        untiedConfig.put("tie_word_embeddings", false);
        RandomCheckpoint untied = RandomCheckpoint.of(untiedConfig, 5);
        assertTrue(untied.names().contains("lm_head.weight"));
        tied.weights().forEach((n, v) -> assertArrayEquals(v, untied.weights().get(n), n));
    }

    @Test
    void weightsAreCopies() {
        RandomCheckpoint c = RandomCheckpoint.of(TinyConfigs.tinyLlama(), 1);
        float before = c.weights().get("model.norm.weight")[0];
        c.weights().get("model.norm.weight")[0] = 42f;
        assertEquals(before, c.weights().get("model.norm.weight")[0]);
        assertTrue(Math.abs(before - 1.0) < 0.5, "norm weights are near 1");
    }

    private static long product(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
