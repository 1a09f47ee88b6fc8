package io.alignscope.lm.reference;

/**
 * {@code LlamaForCausalLM} and its close relatives {@code MistralForCausalLM} and
 * {@code Qwen2ForCausalLM}: token embedding, {@link RotaryDecoderLayer}s, final RMSNorm
 * ({@code model.norm}), and an LM head that is either {@code lm_head.weight} or the tied embedding.
 */
final class RotaryDecoder implements Decoder {

    private final RotaryDecoderConfig cfg;
    private final double[][] embedding;
    private final RotaryDecoderLayer[] layers;
    private final double[] finalNorm;
    private final double[][] outputEmbedding;

    RotaryDecoder(RotaryDecoderConfig cfg, WeightStore store) {
        this.cfg = cfg;
        this.embedding = store.matrix("model.embed_tokens.weight", cfg.vocabSize(), cfg.hiddenSize());
        RotaryEmbedding rope = new RotaryEmbedding(cfg.rope().inverseFrequencies(cfg.headDim()));
        this.layers = new RotaryDecoderLayer[cfg.numLayers()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = new RotaryDecoderLayer(cfg, store, i, rope);
        }
        this.finalNorm = store.vector("model.norm.weight", cfg.hiddenSize());
        this.outputEmbedding = Decoder.resolveOutputEmbedding(store, cfg.tieWordEmbeddings(), embedding);
    }

    @Override
    public int vocabSize() {
        return cfg.vocabSize();
    }

    @Override
    public int hiddenSize() {
        return cfg.hiddenSize();
    }

    @Override
    public double[][] outputEmbedding() {
        return outputEmbedding;
    }

    @Override
    public double[][][] hiddenStates(int[] tokenIds) {
        double[][][] states = new double[layers.length + 1][][];
        double[][] hidden = new double[tokenIds.length][];
        for (int pos = 0; pos < tokenIds.length; pos++) {
            hidden[pos] = embedding[tokenIds[pos]].clone();
        }
        for (int i = 0; i < layers.length; i++) {
            states[i] = hidden;
            hidden = layers[i].forward(hidden);
        }
        double[][] normed = new double[hidden.length][];
        for (int pos = 0; pos < hidden.length; pos++) {
            normed[pos] = Norms.rmsNorm(hidden[pos], finalNorm, cfg.rmsNormEps());
        }
        states[layers.length] = normed;
        return states;
    }
}
