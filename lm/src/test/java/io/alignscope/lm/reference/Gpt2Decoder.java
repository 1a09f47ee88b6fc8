package io.alignscope.lm.reference;

/**
 * {@code GPT2LMHeadModel}: token ({@code wte}) plus learned position ({@code wpe}) embeddings,
 * {@link Gpt2Block}s, final LayerNorm {@code ln_f}, and logits against {@code wte} (tied, the GPT-2
 * default) or {@code lm_head.weight}. Tensor names may carry the {@code transformer.} prefix or not.
 */
final class Gpt2Decoder implements Decoder {

    private final Gpt2Config cfg;
    private final double[][] wte;
    private final double[][] wpe;
    private final Gpt2Block[] blocks;
    private final double[] lnFWeight;
    private final double[] lnFBias;
    private final double[][] outputEmbedding;

    Gpt2Decoder(Gpt2Config cfg, WeightStore store) {
        this.cfg = cfg;
        String prefix = store.contains("transformer.wte.weight") ? "transformer." : "";
        this.wte = store.matrix(prefix + "wte.weight", cfg.vocabSize(), cfg.nEmbd());
        this.wpe = store.matrix(prefix + "wpe.weight", cfg.nPositions(), cfg.nEmbd());
        this.blocks = new Gpt2Block[cfg.nLayer()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = new Gpt2Block(cfg, store, prefix, i);
        }
        this.lnFWeight = store.vector(prefix + "ln_f.weight", cfg.nEmbd());
        this.lnFBias = store.vector(prefix + "ln_f.bias", cfg.nEmbd());
        this.outputEmbedding = Decoder.resolveOutputEmbedding(store, cfg.tieWordEmbeddings(), wte);
    }

    @Override
    public int vocabSize() {
        return cfg.vocabSize();
    }

    @Override
    public int hiddenSize() {
        return cfg.nEmbd();
    }

    @Override
    public double[][] outputEmbedding() {
        return outputEmbedding;
    }

    @Override
    public double[][][] hiddenStates(int[] tokenIds) {
        if (tokenIds.length > cfg.nPositions()) {
            throw new IllegalArgumentException("sequence of " + tokenIds.length + " tokens exceeds n_positions "
                    + cfg.nPositions());
        }
        double[][][] states = new double[blocks.length + 1][][];
        double[][] hidden = new double[tokenIds.length][];
        for (int pos = 0; pos < tokenIds.length; pos++) {
            hidden[pos] = Vectors.add(wte[tokenIds[pos]], wpe[pos]);
        }
        for (int i = 0; i < blocks.length; i++) {
            states[i] = hidden;
            hidden = blocks[i].forward(hidden);
        }
        double[][] normed = new double[hidden.length][];
        for (int pos = 0; pos < hidden.length; pos++) {
            normed[pos] = Norms.layerNorm(hidden[pos], lnFWeight, lnFBias, cfg.layerNormEpsilon());
        }
        states[blocks.length] = normed;
        return states;
    }
}
