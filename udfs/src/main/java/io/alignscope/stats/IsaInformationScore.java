package io.alignscope.stats;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * ISA information score (Khera, Ghosh, Dutta 2024): rank data points by how much the entropy of
 * their scaled likelihoods changes when each point is removed.
 *
 * <p>Given per-point log-likelihoods {@code l_i} (e.g. under a Gaussian mixture over embeddings):
 * min-max scale to {@code l′_i = (l_i − min l)/(max l − min l) ∈ [0, 1]} (all 0 when max = min),
 * {@code p_i = exp(l′_i)}, {@code H = −Σ_j p_j log p_j}. Removing point i changes H by {@code ΔH_i
 * = H_{−i} − H = p_i log p_i = l′_i·e^{l′_i} ≥ 0}, which grows with the likelihood. The p_i are
 * weights in {@code [1, e]}, not a distribution, exactly as in the paper.
 */
public final class IsaInformationScore {

  private IsaInformationScore() {}

  /**
   * Min-max scaled log-likelihoods {@code l′_i = (l_i − min l)/(max l − min l)}; all 0 when every
   * {@code l_i} is equal.
   *
   * @param logLikelihoods per-point log-likelihoods; non-empty, finite
   * @return l′, each in {@code [0, 1]}
   * @throws IllegalArgumentException if empty or an entry is not finite
   */
  public static double[] scaledLogLikelihoods(double[] logLikelihoods) {
    Checks.requireNonEmpty(logLikelihoods, "logLikelihoods");
    Checks.requireFinite(logLikelihoods, "logLikelihoods");
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logLikelihoods) {
      min = Math.min(min, l);
      max = Math.max(max, l);
    }
    double range = max - min;
    double[] scaled = new double[logLikelihoods.length];
    if (range > 0.0) {
      for (int i = 0; i < scaled.length; i++) {
        scaled[i] = (logLikelihoods[i] - min) / range;
      }
    }
    return scaled;
  }

  /**
   * The information score of one point given the minimum and maximum log-likelihood of the whole
   * set, for data too large to hold in one array (a distributed job computes {@code min} and
   * {@code max} in one aggregation, then scores each point independently). Equal to {@code
   * scores(all)[i]} for {@code logLikelihood = all[i]}, {@code min = min(all)}, {@code max =
   * max(all)}: {@code l′ = (l − min)/(max − min)} (0 when {@code max = min}), {@code ΔH = l′
   * e^{l′}}.
   *
   * @param logLikelihood the point's log-likelihood; finite, in {@code [min, max]}
   * @param min the smallest log-likelihood of the set; finite
   * @param max the largest log-likelihood of the set; finite, ≥ min
   * @return ΔH in {@code [0, e]}
   * @throws IllegalArgumentException if a value is not finite, {@code max < min}, or {@code
   *     logLikelihood} lies outside {@code [min, max]}
   */
  public static double score(double logLikelihood, double min, double max) {
    Checks.requireFinite(logLikelihood, "logLikelihood");
    Checks.requireFinite(min, "min");
    Checks.requireFinite(max, "max");
    if (max < min || logLikelihood < min || logLikelihood > max) {
      throw new IllegalArgumentException("need min <= logLikelihood <= max, got min = " + min
          + ", logLikelihood = " + logLikelihood + ", max = " + max);
    }
    double range = max - min;
    double scaled = range > 0.0 ? (logLikelihood - min) / range : 0.0;
    return scaled * Math.exp(scaled);
  }

  /**
   * {@code H = −Σ_j p_j log p_j} with {@code p_j = exp(l′_j)}, i.e. {@code −Σ_j l′_j e^{l′_j}}
   * (≤ 0, since each p_j ≥ 1).
   *
   * @param logLikelihoods per-point log-likelihoods; non-empty, finite
   * @return H
   * @throws IllegalArgumentException as for {@link #scaledLogLikelihoods(double[])}
   */
  public static double entropy(double[] logLikelihoods) {
    double h = 0.0;
    for (double score : scores(logLikelihoods)) {
      h -= score;
    }
    return h;
  }

  /**
   * The information score of each point, {@code ΔH_i = H_{−i} − H = p_i log p_i = l′_i
   * e^{l′_i}}: 0 for the least likely point, e for the most likely one.
   *
   * @param logLikelihoods per-point log-likelihoods; non-empty, finite
   * @return ΔH_i per point, each in {@code [0, e]}
   * @throws IllegalArgumentException as for {@link #scaledLogLikelihoods(double[])}
   */
  public static double[] scores(double[] logLikelihoods) {
    double[] scaled = scaledLogLikelihoods(logLikelihoods);
    double[] scores = new double[scaled.length];
    for (int i = 0; i < scaled.length; i++) {
      scores[i] = scaled[i] * Math.exp(scaled[i]);
    }
    return scores;
  }

  /**
   * {@link #rank(double[], IsaRankOrder)} in the paper's order, {@link IsaRankOrder#DEFAULT}
   * (atypical first).
   *
   * @param scores ΔH per point; no NaN
   * @return a permutation of {@code 0..scores.length − 1}
   * @throws IllegalArgumentException if {@code scores} is null or has a NaN
   */
  public static int[] rank(double[] scores) {
    return rank(scores, IsaRankOrder.DEFAULT);
  }

  /**
   * Point indices ordered by score: ascending for {@link IsaRankOrder#ATYPICAL_FIRST}, descending
   * for {@link IsaRankOrder#TYPICAL_FIRST}; equal scores keep index order. Keeping the first k
   * indices selects k points.
   *
   * @param scores ΔH per point (from {@link #scores(double[])}); no NaN
   * @param order the direction; {@link IsaRankOrder#DEFAULT} is the paper's
   * @return a permutation of {@code 0..scores.length − 1}
   * @throws IllegalArgumentException if {@code scores} is null or has a NaN, or {@code order} is
   *     null
   */
  public static int[] rank(double[] scores, IsaRankOrder order) {
    if (scores == null || order == null) {
      throw new IllegalArgumentException(
          "scores and order must not be null, got " + (scores == null ? "scores" : "order")
              + " = null");
    }
    Checks.requireNoNaN(scores, "scores");
    Comparator<Integer> byScore = Comparator.comparingDouble(i -> scores[i]);
    Comparator<Integer> directed =
        order == IsaRankOrder.ATYPICAL_FIRST ? byScore : byScore.reversed();
    return IntStream.range(0, scores.length)
        .boxed()
        .sorted(directed.thenComparingInt(i -> i))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
