package io.alignscope.lm.reference;

/** Splitting a projection's output into attention heads, as {@code view(T, heads, head_dim)} does. */
final class Heads {

    private Heads() {
    }

    /** {@code flat[h * headDim + d]} becomes {@code [h][d]}. */
    static double[][] split(double[] flat, int numHeads, int headDim) {
        if (flat.length != numHeads * headDim) {
            throw new IllegalArgumentException("length " + flat.length + " != " + numHeads + " x " + headDim);
        }
        double[][] heads = new double[numHeads][headDim];
        for (int h = 0; h < numHeads; h++) {
            System.arraycopy(flat, h * headDim, heads[h], 0, headDim);
        }
        return heads;
    }
}
