package io.alignscope.lm.reference;

/** One architecture's forward pass up to the final norm, plus its output embedding. */
interface Decoder {

    int vocabSize();

    int hiddenSize();

    /**
     * transformers' {@code output_hidden_states} for one unpadded sequence at positions 0..T-1:
     * entry 0 is the input embeddings, entry {@code i} (1 <= i < L) the output of layer {@code i-1},
     * and entry {@code L} the output of the last layer after the final norm. Shape [L+1][T][hidden].
     */
    double[][][] hiddenStates(int[] tokenIds);

    /** The matrix the logits are taken against, [vocab][hidden]. */
    double[][] outputEmbedding();

    /**
     * The LM head: the input embedding when tied, else {@code lm_head.weight} [vocab, hidden].
     *
     * @throws IllegalArgumentException when untied and the checkpoint has no {@code lm_head.weight}
     */
    static double[][] resolveOutputEmbedding(WeightStore store, boolean tied, double[][] inputEmbedding) {
        if (tied) {
            return inputEmbedding;
        }
        if (!store.contains("lm_head.weight")) {
            throw new IllegalArgumentException("tie_word_embeddings is false but there is no lm_head.weight");
        }
        return store.matrix("lm_head.weight", inputEmbedding.length, inputEmbedding[0].length);
    }
}
