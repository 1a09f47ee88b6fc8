package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cases of {@link ReferenceCausalLmGoldenTest}: tiny configs with {@link RandomCheckpoint} seed
 * {@link #SEED}, run on {@link #tokens()}. Shared with {@link GoldenDump}, which writes them out for
 * the numpy cross-check ({@code numpy_crosscheck.py}).
 */
final class GoldenCases {

    static final long SEED = 20240601L;

    private GoldenCases() {
    }

    /** 40 tokens: (37 i + 11) mod 97. */
    static int[] tokens() {
        int[] t = new int[40];
        for (int i = 0; i < t.length; i++) {
            t[i] = (i * 37 + 11) % 97;
        }
        return t;
    }

    /** Case name to config; "gpt2prefix" is the only one built with the {@code transformer.} prefix. */
    static Map<String, JsonNode> configs() {
        Map<String, JsonNode> c = new LinkedHashMap<>();
        c.put("llama", TinyConfigs.tinyLlama());
        c.put("llama3", TinyConfigs.tinyLlamaLlama3Rope());
        c.put("linear", TinyConfigs.tinyLlamaLinearRope());
        c.put("headdim", TinyConfigs.tinyLlamaExplicitHeadDim());
        c.put("mistral", TinyConfigs.tinyMistral());
        c.put("qwen2", TinyConfigs.tinyQwen2());
        ObjectNode qwenWindow = TinyConfigs.tinyQwen2();
        qwenWindow.put("use_sliding_window", true);
        c.put("qwen2sw", qwenWindow);
        ObjectNode llamaBias = TinyConfigs.tinyLlama();
        llamaBias.put("attention_bias", true);
        llamaBias.put("mlp_bias", true);
        c.put("llamabias", llamaBias);
        c.put("gpt2", TinyConfigs.tinyGpt2());
        c.put("gpt2prefix", TinyConfigs.tinyGpt2());
        return c;
    }

    static RandomCheckpoint checkpoint(String name) {
        return RandomCheckpoint.of(configs().get(name), SEED, "gpt2prefix".equals(name));
    }
}
