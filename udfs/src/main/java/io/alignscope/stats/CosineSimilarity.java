package io.alignscope.stats;

/** Cosine similarity of two vectors. */
public final class CosineSimilarity {

  private CosineSimilarity() {}

  /**
   * {@code cos(a, b) = (a·b) / (‖a‖ ‖b‖)}, clamped to {@code [−1, 1]} against round-off.
   *
   * @param a a non-zero vector, finite entries
   * @param b a non-zero vector of the same length, finite entries
   * @return the similarity in {@code [−1, 1]}
   * @throws IllegalArgumentException if the lengths differ (naming both), a vector is empty, zero
   *     or has a non-finite entry
   */
  public static double of(double[] a, double[] b) {
    Checks.requireNonEmpty(a, "a");
    Checks.requireNonEmpty(b, "b");
    Checks.requireSameLength(a.length, "a", b.length, "b");
    return of(a, norm(a, "a"), b, norm(b, "b"));
  }

  /**
   * Cosine with both norms already computed by {@link #norm(double[])} (a greedy filter computes
   * each norm once); the same arithmetic as {@link #of(double[], double[])}, so both give
   * bit-identical results.
   *
   * @param a a vector
   * @param normA its norm
   * @param b a vector of the same length
   * @param normB its norm
   * @return the similarity clamped to {@code [−1, 1]}
   */
  public static double of(double[] a, double normA, double[] b, double normB) {
    double dot = 0.0;
    for (int d = 0; d < a.length; d++) {
      dot += a[d] * b[d];
    }
    return Math.max(-1.0, Math.min(1.0, dot / (normA * normB)));
  }

  /**
   * The Euclidean norm {@code ‖v‖}, as {@link #of(double[], double[])} computes it.
   *
   * @param v a non-zero vector with finite entries
   * @return the norm
   * @throws IllegalArgumentException if {@code v} is empty, zero or has a non-finite entry
   */
  public static double norm(double[] v) {
    Checks.requireNonEmpty(v, "v");
    return norm(v, "v");
  }

  /** The Euclidean norm; rejects zero vectors and non-finite entries. */
  static double norm(double[] v, String name) {
    Checks.requireFinite(v, name);
    double sumSquares = 0.0;
    for (double x : v) {
      sumSquares += x * x;
    }
    double norm = Math.sqrt(sumSquares);
    if (norm == 0.0) {
      throw new IllegalArgumentException(
          name + " is a zero vector; cosine similarity is undefined");
    }
    return norm;
  }
}
