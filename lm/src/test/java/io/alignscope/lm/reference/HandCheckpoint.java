package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: a checkpoint written out by hand, tensor by tensor. */
final class HandCheckpoint {

    final Map<String, float[]> weights = new LinkedHashMap<>();
    final Map<String, long[]> shapes = new LinkedHashMap<>();

    /** A 2-D tensor given as its rows, stored with shape [rows, cols]. */
    HandCheckpoint matrix(String name, double[]... rows) {
        int cols = rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols; c++) {
                data[r * cols + c] = (float) rows[r][c];
            }
        }
        weights.put(name, data);
        shapes.put(name, new long[] {rows.length, cols});
        return this;
    }

    /** A [rows, cols] tensor of zeros. */
    HandCheckpoint zeros(String name, int rows, int cols) {
        weights.put(name, new float[rows * cols]);
        shapes.put(name, new long[] {rows, cols});
        return this;
    }

    /** A 1-D tensor. */
    HandCheckpoint vector(String name, double... values) {
        float[] data = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (float) values[i];
        }
        weights.put(name, data);
        shapes.put(name, new long[] {values.length});
        return this;
    }

    ReferenceCausalLm build(JsonNode config) {
        return ReferenceCausalLm.of(config, weights, shapes);
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new AssertionError("row count " + a.length + " != " + b.length);
        }
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                throw new AssertionError("row " + i + " length " + a[i].length + " != " + b[i].length);
            }
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
