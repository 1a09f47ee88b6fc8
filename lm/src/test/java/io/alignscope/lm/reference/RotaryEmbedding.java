package io.alignscope.lm.reference;

/**
 * RoPE in transformers' "rotate_half" form: for a head vector {@code x} of even length {@code d} at
 * position {@code t}, {@code x * cos + rotate_half(x) * sin} where
 * {@code rotate_half(x) = cat(-x[d/2:], x[:d/2])} and {@code cos/sin = cos/sin(cat(f, f))} with
 * {@code f[j] = t * invFreq[j]}.
 */
public final class RotaryEmbedding {

    private final double[] invFreq;

    /** @param invFreq the {@code d/2} inverse frequencies, e.g. from {@link RopeConfig#inverseFrequencies} */
    public RotaryEmbedding(double[] invFreq) {
        this.invFreq = invFreq.clone();
    }

    /** The rotated copy of {@code x} (length {@code 2 * invFreq.length}) at {@code position}. */
    public double[] rotate(double[] x, int position) {
        int half = invFreq.length;
        if (x.length != 2 * half) {
            throw new IllegalArgumentException("head vector length " + x.length + " != " + 2 * half);
        }
        double[] y = new double[x.length];
        for (int j = 0; j < half; j++) {
            double angle = position * invFreq[j];
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double first = x[j];
            double second = x[j + half];
            // rotate_half(x)[j] = -x[j + half]; rotate_half(x)[j + half] = x[j]
            y[j] = first * cos - second * sin;
            y[j + half] = second * cos + first * sin;
        }
        return y;
    }
}
