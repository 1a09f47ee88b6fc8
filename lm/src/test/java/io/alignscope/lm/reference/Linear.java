package io.alignscope.lm.reference;

/**
 * An affine map {@code y = W x + b} with {@code W} held as [out][in] (torch {@code nn.Linear}
 * layout) and an optional bias.
 */
final class Linear {

    private final double[][] weight;
    private final double[] bias;

    /**
     * @param weight [out][in]
     * @param bias   [out], or null for no bias
     */
    Linear(double[][] weight, double[] bias) {
        if (bias != null && bias.length != weight.length) {
            throw new IllegalArgumentException("bias length " + bias.length + " != out " + weight.length);
        }
        this.weight = weight;
        this.bias = bias;
    }

    /** A torch {@code nn.Linear}: {@code prefix.weight} is [out, in], {@code prefix.bias} is [out]. */
    static Linear torchLinear(WeightStore store, String prefix, int in, int out, boolean withBias) {
        double[][] w = store.matrix(prefix + ".weight", out, in);
        double[] b = withBias ? store.vector(prefix + ".bias", out) : null;
        return new Linear(w, b);
    }

    /**
     * A GPT-2 {@code Conv1D} ({@code y = x W + b}): {@code prefix.weight} is [in, out],
     * {@code prefix.bias} is [out]. Always has a bias.
     */
    static Linear conv1d(WeightStore store, String prefix, int in, int out) {
        double[][] w = store.transposedMatrix(prefix + ".weight", in, out);
        double[] b = store.vector(prefix + ".bias", out);
        return new Linear(w, b);
    }

    int outFeatures() {
        return weight.length;
    }

    double[] apply(double[] x) {
        double[] y = new double[weight.length];
        for (int o = 0; o < weight.length; o++) {
            double[] row = weight[o];
            if (row.length != x.length) {
                throw new IllegalArgumentException("input length " + x.length + " != in " + row.length);
            }
            double s = bias == null ? 0.0 : bias[o];
            for (int i = 0; i < x.length; i++) {
                s += row[i] * x[i];
            }
            y[o] = s;
        }
        return y;
    }
}
