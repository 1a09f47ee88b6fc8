package io.alignscope.lm.reference;

/** Small double[] helpers. */
final class Vectors {

    private Vectors() {
    }

    /** {@code source[offset .. offset + length)} as a new array. */
    static double[] slice(double[] source, int offset, int length) {
        double[] out = new double[length];
        System.arraycopy(source, offset, out, 0, length);
        return out;
    }

    /** Element-wise sum. */
    static double[] add(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("length " + a.length + " != " + b.length);
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /** Row {@code r} of {@code m} dotted with {@code x}, for every row. */
    static double[] matVec(double[][] m, double[] x) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            double s = 0.0;
            for (int i = 0; i < x.length; i++) {
                s += m[r][i] * x[i];
            }
            out[r] = s;
        }
        return out;
    }
}
