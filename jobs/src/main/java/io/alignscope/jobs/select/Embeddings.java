package io.alignscope.jobs.select;

/** Embedding helpers: L2 normalisation and float/double conversion. */
public final class Embeddings {
  private Embeddings() {}

  /**
   * {@code values[offset, offset + d)} divided by its Euclidean norm (accumulated in double);
   * null when the norm is 0 or not finite.
   */
  public static float[] normalised(float[] values, int offset, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      double v = values[offset + j];
      sum += v * v;
    }
    double norm = Math.sqrt(sum);
    if (!(norm > 0) || !Double.isFinite(norm)) {
      return null;
    }
    float[] out = new float[d];
    for (int j = 0; j < d; j++) {
      out[j] = (float) (values[offset + j] / norm);
    }
    return out;
  }

  /**
   * {@code values - mean}, L2-normalised; null for a null input or when the difference is 0.
   */
  public static float[] centredNormalised(float[] values, double[] mean) {
    if (values == null) {
      return null;
    }
    if (values.length != mean.length) {
      throw new IllegalArgumentException("embedding of length " + values.length + ", mean of length " + mean.length);
    }
    float[] centred = new float[values.length];
    for (int j = 0; j < values.length; j++) {
      centred[j] = (float) (values[j] - mean[j]);
    }
    return normalised(centred, 0, centred.length);
  }

  /** An embedding column value (array<float>) as a float array. */
  public static float[] fromList(java.util.List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** The floats as doubles. */
  public static double[] toDoubles(float[] values) {
    double[] out = new double[values.length];
    for (int j = 0; j < values.length; j++) {
      out[j] = values[j];
    }
    return out;
  }
}
