package io.alignscope.stats;

/**
 * Numerically stable operations on (possibly unnormalised) log-probability vectors, natural log.
 */
public final class LogProbs {

  private LogProbs() {}

  /**
   * Stable log-sum-exp: {@code log Σ_v exp(x_v) = m + log Σ_v exp(x_v − m)} with {@code m =
   * max_v x_v}.
   *
   * <p>Entries of −∞ contribute 0 to the sum.
   *
   * @param logScores non-empty, no NaN, no +∞
   * @return the log of the total mass, in nats
   * @throws IllegalArgumentException if empty, if an entry is NaN or +∞, or if every entry is −∞
   *     (no mass to normalise)
   */
  public static double logSumExp(double[] logScores) {
    Checks.requireNonEmpty(logScores, "logScores");
    double max = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < logScores.length; v++) {
      double x = logScores[v];
      if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "logScores[" + v + "] must be finite or -Infinity, got " + x);
      }
      max = Math.max(max, x);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException(
          "logScores has no mass: all " + logScores.length + " entries are -Infinity");
    }
    double sum = 0.0;
    for (double x : logScores) {
      sum += Math.exp(x - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Log-softmax: returns a new array {@code x_v − logSumExp(x)}, so that {@code Σ_v exp(result_v)
   * = 1}. Entries of −∞ stay −∞.
   *
   * @param logScores as for {@link #logSumExp(double[])}
   * @return normalised log-probabilities (a fresh array; the input is not modified)
   * @throws IllegalArgumentException as for {@link #logSumExp(double[])}
   */
  public static double[] normalize(double[] logScores) {
    double lse = logSumExp(logScores);
    double[] out = new double[logScores.length];
    for (int v = 0; v < logScores.length; v++) {
      out[v] = logScores[v] - lse;
    }
    return out;
  }
}
