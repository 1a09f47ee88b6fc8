package io.alignscope.stats;

import java.util.Arrays;

/**
 * DEITA's greedy diversity filter (Liu et al. 2023), exact sequential form: walk candidates in
 * rank order and accept one only if it is not too similar to anything accepted so far.
 */
public final class DeitaDiversityFilter {

  /** DEITA's similarity threshold τ: 0.9. */
  public static final double DEFAULT_THRESHOLD = 0.9;

  private DeitaDiversityFilter() {}

  /**
   * {@link #select(double[][], double, int)} with DEITA's threshold τ = {@value
   * #DEFAULT_THRESHOLD}.
   *
   * @param embeddings candidate embeddings in rank order
   * @param budget k ≥ 0
   * @return the accepted indices in rank order
   * @throws IllegalArgumentException as for {@link #select(double[][], double, int)}
   */
  public static int[] select(double[][] embeddings, int budget) {
    return select(embeddings, DEFAULT_THRESHOLD, budget);
  }

  /**
   * Accepts candidate j (in the given order) iff {@code cos(e_j, e_a) ≤ τ} for every already
   * accepted a, stopping once {@code budget} are accepted. Costs O(n·k·d) for n candidates, budget
   * k, dimension d.
   *
   * @param embeddings candidate embeddings, already in rank order (best first); all the same
   *     length, non-zero, finite
   * @param threshold τ: the largest cosine similarity still allowed to an accepted candidate
   * @param budget k ≥ 0, the most candidates to accept
   * @return the accepted indices into {@code embeddings}, in acceptance (= rank) order
   * @throws IllegalArgumentException if {@code embeddings} is null, has a null, a zero vector or
   *     vectors of different lengths, {@code threshold} is NaN, or {@code budget < 0}
   */
  public static int[] select(double[][] embeddings, double threshold, int budget) {
    if (embeddings == null) {
      throw new IllegalArgumentException("embeddings must not be null");
    }
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold must not be NaN");
    }
    if (budget < 0) {
      throw new IllegalArgumentException("budget must be >= 0, got " + budget);
    }
    double[] norms = new double[embeddings.length];
    for (int j = 0; j < embeddings.length; j++) {
      if (embeddings[j] == null) {
        throw new IllegalArgumentException("embeddings[" + j + "] is null");
      }
      Checks.requireSameLength(
          embeddings[0].length, "embeddings[0]", embeddings[j].length, "embeddings[" + j + "]");
      norms[j] = CosineSimilarity.norm(embeddings[j], "embeddings[" + j + "]");
    }
    int[] accepted = new int[Math.min(budget, embeddings.length)];
    int count = 0;
    for (int j = 0; j < embeddings.length && count < accepted.length; j++) {
      if (isDiverse(embeddings, norms, j, accepted, count, threshold)) {
        accepted[count++] = j;
      }
    }
    return Arrays.copyOf(accepted, count);
  }

  private static boolean isDiverse(
      double[][] embeddings, double[] norms, int j, int[] accepted, int count, double threshold) {
    for (int a = 0; a < count; a++) {
      int other = accepted[a];
      if (CosineSimilarity.of(embeddings[j], norms[j], embeddings[other], norms[other])
          > threshold) {
        return false;
      }
    }
    return true;
  }
}
