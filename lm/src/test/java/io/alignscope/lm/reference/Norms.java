package io.alignscope.lm.reference;

/** The two normalisations used by the supported decoders, on one vector, in double precision. */
public final class Norms {

    private Norms() {
    }

    /**
     * Llama-style RMSNorm: {@code x * 1/sqrt(mean(x^2) + eps) * weight}.
     *
     * @param x      input vector
     * @param weight per-feature scale, same length as x
     * @param eps    added to the mean square before the square root
     */
    public static double[] rmsNorm(double[] x, double[] weight, double eps) {
        checkLength(x, weight);
        double meanSquare = 0.0;
        for (double v : x) {
            meanSquare += v * v;
        }
        meanSquare /= x.length;
        double inv = 1.0 / Math.sqrt(meanSquare + eps);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * inv * weight[i];
        }
        return y;
    }

    /**
     * torch {@code nn.LayerNorm} over the whole vector: {@code (x - mean) / sqrt(var + eps) * weight + bias}
     * with the biased (population) variance.
     *
     * @param bias per-feature shift, or null for none
     */
    public static double[] layerNorm(double[] x, double[] weight, double[] bias, double eps) {
        checkLength(x, weight);
        if (bias != null) {
            checkLength(x, bias);
        }
        double mean = 0.0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0.0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double inv = 1.0 / Math.sqrt(var + eps);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) * inv * weight[i] + (bias == null ? 0.0 : bias[i]);
        }
        return y;
    }

    private static void checkLength(double[] x, double[] p) {
        if (p.length != x.length) {
            throw new IllegalArgumentException("parameter length " + p.length + " != input length " + x.length);
        }
    }
}
