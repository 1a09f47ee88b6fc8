package io.alignscope.lm.reference;

/**
 * Eager scaled dot-product attention over one unpadded sequence with a causal (optionally
 * sliding-window) mask and grouped-query sharing of key/value heads, as in transformers'
 * {@code eager_attention_forward}.
 */
public final class CausalAttention {

    /** Window value meaning "plain causal attention, no sliding window". */
    public static final int NO_WINDOW = 0;

    private CausalAttention() {
    }

    /**
     * transformers' mask convention: key {@code key} is visible to query {@code query} iff
     * {@code key <= query} and, when {@code slidingWindow > 0}, {@code query - key < slidingWindow}.
     */
    public static boolean isVisible(int query, int key, int slidingWindow) {
        if (key > query) {
            return false;
        }
        return slidingWindow <= NO_WINDOW || query - key < slidingWindow;
    }

    /**
     * Attention for all positions and heads.
     *
     * @param q             queries [T][numHeads][headDim] (already position-encoded if applicable)
     * @param k             keys [T][numKvHeads][headDim]
     * @param v             values [T][numKvHeads][headDim]
     * @param scale         multiplier of the raw scores {@code q . k}
     * @param slidingWindow window size, or {@link #NO_WINDOW}
     * @return [T][numHeads * headDim]: per position, the heads' outputs concatenated in head order;
     *         query head {@code h} reads kv head {@code h / (numHeads / numKvHeads)}
     */
    public static double[][] attend(double[][][] q, double[][][] k, double[][][] v, double scale,
                                    int slidingWindow) {
        int t = q.length;
        int numHeads = q[0].length;
        int headDim = q[0][0].length;
        int numKvHeads = k[0].length;
        if (numHeads % numKvHeads != 0) {
            throw new IllegalArgumentException(numHeads + " query heads not divisible by " + numKvHeads + " kv heads");
        }
        int groupSize = numHeads / numKvHeads;
        double[][] out = new double[t][numHeads * headDim];
        for (int i = 0; i < t; i++) {
            for (int h = 0; h < numHeads; h++) {
                int kvHead = h / groupSize;
                double[] weights = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    if (!isVisible(i, j, slidingWindow)) {
                        weights[j] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    double s = 0.0;
                    for (int d = 0; d < headDim; d++) {
                        s += q[i][h][d] * k[j][kvHead][d];
                    }
                    weights[j] = s * scale;
                    max = Math.max(max, weights[j]);
                }
                double sum = 0.0;
                for (int j = 0; j <= i; j++) {
                    weights[j] = weights[j] == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(weights[j] - max);
                    sum += weights[j];
                }
                for (int j = 0; j <= i; j++) {
                    double w = weights[j] / sum;
                    if (w == 0.0) {
                        continue;
                    }
                    for (int d = 0; d < headDim; d++) {
                        out[i][h * headDim + d] += w * v[j][kvHead][d];
                    }
                }
            }
        }
        return out;
    }
}
