package io.alignscope.lm.reference;

import java.util.Arrays;
import java.util.Map;

/**
 * Named float tensors with their Hugging Face shapes, converted to double on access. Every access
 * checks that the stored shape is exactly the one the architecture expects, so a wrongly oriented
 * or wrongly sized checkpoint fails loudly instead of producing plausible numbers.
 */
final class WeightStore {

    private final Map<String, float[]> weights;
    private final Map<String, long[]> shapes;

    WeightStore(Map<String, float[]> weights, Map<String, long[]> shapes) {
        if (weights == null || shapes == null) {
            throw new IllegalArgumentException("weights and shapes must not be null");
        }
        this.weights = weights;
        this.shapes = shapes;
    }

    boolean contains(String name) {
        return weights.containsKey(name);
    }

    /** A 2-D tensor stored as [rows, cols], returned as double[rows][cols]. */
    double[][] matrix(String name, int rows, int cols) {
        float[] data = raw(name, rows, cols);
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = data[r * cols + c];
            }
        }
        return m;
    }

    /**
     * A 2-D tensor stored as [rows, cols] (for example a GPT-2 Conv1D weight [in, out]), returned
     * transposed as double[cols][rows].
     */
    double[][] transposedMatrix(String name, int rows, int cols) {
        float[] data = raw(name, rows, cols);
        double[][] m = new double[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[c][r] = data[r * cols + c];
            }
        }
        return m;
    }

    /** A 1-D tensor of the given length. */
    double[] vector(String name, int length) {
        float[] data = raw(name, length);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = data[i];
        }
        return v;
    }

    /** A 1-D tensor when present, else null. */
    double[] optionalVector(String name, int length) {
        return contains(name) ? vector(name, length) : null;
    }

    private float[] raw(String name, long... expectedShape) {
        float[] data = weights.get(name);
        if (data == null) {
            throw new IllegalArgumentException("missing tensor " + name);
        }
        long[] shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("missing shape for tensor " + name);
        }
        if (!Arrays.equals(shape, expectedShape)) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(shape)
                    + ", expected " + Arrays.toString(expectedShape));
        }
        long n = 1;
        for (long d : expectedShape) {
            n *= d;
        }
        if (data.length != n) {
            throw new IllegalArgumentException("tensor " + name + " has " + data.length
                    + " values, shape " + Arrays.toString(shape) + " needs " + n);
        }
        return data;
    }
}
