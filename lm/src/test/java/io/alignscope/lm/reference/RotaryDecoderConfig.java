package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Hyperparameters of a Llama-family decoder (model types {@code llama}, {@code mistral},
 * {@code qwen2}) read from {@code config.json} with the defaults of the corresponding
 * transformers config class.
 *
 * @param slidingWindows per layer, the sliding window size or {@link CausalAttention#NO_WINDOW}
 */
record RotaryDecoderConfig(String modelType, int vocabSize, int hiddenSize, int intermediateSize, int numLayers,
                           int numHeads, int numKvHeads, int headDim, double rmsNormEps, boolean qkvBias,
                           boolean oProjBias, boolean mlpBias, boolean tieWordEmbeddings, String hiddenAct,
                           int[] slidingWindows, RopeConfig rope) {

    static boolean supports(String modelType) {
        return "llama".equals(modelType) || "mistral".equals(modelType) || "qwen2".equals(modelType);
    }

    static RotaryDecoderConfig fromConfig(JsonNode json) {
        ConfigView c = new ConfigView(json);
        String type = c.requireString("model_type");
        if (!supports(type)) {
            throw new IllegalArgumentException("not a llama-family model type: " + type);
        }
        int hidden = c.requireInt("hidden_size");
        int layers = c.requireInt("num_hidden_layers");
        int heads = c.requireInt("num_attention_heads");
        int kvHeads = kvHeads(c, type, heads);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException(heads + " attention heads not divisible by " + kvHeads + " kv heads");
        }
        int headDim;
        if (c.has("head_dim")) {
            headDim = c.requireInt("head_dim");
        } else {
            if (hidden % heads != 0) {
                throw new IllegalArgumentException("hidden_size " + hidden + " not divisible by " + heads + " heads");
            }
            headDim = hidden / heads;
        }
        boolean qkvBias;
        boolean oBias;
        boolean mlpBias;
        switch (type) {
            case "llama":
                qkvBias = c.boolOr("attention_bias", false);
                oBias = qkvBias;
                mlpBias = c.boolOr("mlp_bias", false);
                break;
            case "qwen2":
                qkvBias = true;
                oBias = false;
                mlpBias = false;
                break;
            default: // mistral
                qkvBias = false;
                oBias = false;
                mlpBias = false;
                break;
        }
        return new RotaryDecoderConfig(type, c.requireInt("vocab_size"), hidden, c.requireInt("intermediate_size"),
                layers, heads, kvHeads, headDim, c.doubleOr("rms_norm_eps", 1e-6), qkvBias, oBias, mlpBias,
                c.boolOr("tie_word_embeddings", false), c.string("hidden_act", "silu"),
                slidingWindows(c, type, layers), RopeConfig.fromConfig(json));
    }

    /** Absent: the class default (llama: heads, mistral: 8, qwen2: 32); JSON null: heads. */
    private static int kvHeads(ConfigView c, String type, int heads) {
        if (c.has("num_key_value_heads")) {
            return c.requireInt("num_key_value_heads");
        }
        if (c.isExplicitNull("num_key_value_heads")) {
            return heads;
        }
        switch (type) {
            case "mistral":
                return 8;
            case "qwen2":
                return 32;
            default:
                return heads;
        }
    }

    /**
     * Mistral: {@code sliding_window} (absent: 4096, null: none) on every layer. Qwen2: only when
     * {@code use_sliding_window}, on the layers whose {@code layer_types} entry is
     * "sliding_attention", or when {@code layer_types} is absent on layers {@code i >= max_window_layers}
     * (default 28). Llama: none.
     */
    private static int[] slidingWindows(ConfigView c, String type, int layers) {
        int[] windows = new int[layers];
        if ("mistral".equals(type)) {
            int w = windowSize(c);
            Arrays.fill(windows, w);
        } else if ("qwen2".equals(type) && c.boolOr("use_sliding_window", false)) {
            int w = windowSize(c);
            JsonNode layerTypes = c.node("layer_types");
            if (layerTypes != null && layerTypes.size() != layers) {
                throw new IllegalArgumentException("layer_types has " + layerTypes.size() + " entries for " + layers + " layers");
            }
            int maxWindowLayers = c.intOr("max_window_layers", 28);
            for (int i = 0; i < layers; i++) {
                boolean sliding = layerTypes != null
                        ? "sliding_attention".equals(layerTypes.get(i).asText())
                        : i >= maxWindowLayers;
                windows[i] = sliding ? w : CausalAttention.NO_WINDOW;
            }
        }
        return windows;
    }

    private static int windowSize(ConfigView c) {
        if (c.isExplicitNull("sliding_window")) {
            return CausalAttention.NO_WINDOW;
        }
        int w = c.intOr("sliding_window", 4096);
        if (w <= 0) {
            throw new IllegalArgumentException("sliding_window must be positive: " + w);
        }
        return w;
    }
}
