package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;

/** Hyperparameters of a GPT-2 model from {@code config.json}, with {@code GPT2Config}'s defaults. */
record Gpt2Config(int vocabSize, int nPositions, int nEmbd, int nLayer, int nHead, int nInner,
                  double layerNormEpsilon, String activation, boolean scaleAttnWeights,
                  boolean scaleAttnByInverseLayerIdx, boolean tieWordEmbeddings) {

    static Gpt2Config fromConfig(JsonNode json) {
        ConfigView c = new ConfigView(json);
        String type = c.requireString("model_type");
        if (!"gpt2".equals(type)) {
            throw new IllegalArgumentException("not a gpt2 model type: " + type);
        }
        int nEmbd = c.requireInt("n_embd");
        int nHead = c.requireInt("n_head");
        if (nEmbd % nHead != 0) {
            throw new IllegalArgumentException("n_embd " + nEmbd + " not divisible by n_head " + nHead);
        }
        return new Gpt2Config(c.requireInt("vocab_size"), c.intOr("n_positions", 1024), nEmbd,
                c.requireInt("n_layer"), nHead, c.intOr("n_inner", 4 * nEmbd),
                c.doubleOr("layer_norm_epsilon", 1e-5), c.string("activation_function", "gelu_new"),
                c.boolOr("scale_attn_weights", true), c.boolOr("scale_attn_by_inverse_layer_idx", false),
                c.boolOr("tie_word_embeddings", true));
    }

    int headDim() {
        return nEmbd / nHead;
    }
}
