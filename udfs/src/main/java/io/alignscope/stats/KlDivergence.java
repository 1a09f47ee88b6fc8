package io.alignscope.stats;

/** Kullback–Leibler divergence between two distributions over the same vocabulary, in nats. */
public final class KlDivergence {

  private KlDivergence() {}

  /**
   * {@code KL(p‖q) = Σ_v p_v (log p_v − log q_v)} over the full vocabulary.
   *
   * <p>Both inputs may be unnormalised log-scores and are normalised with a stable log-sum-exp
   * first. Terms with {@code p_v = 0} (log-prob −∞) contribute 0; a term with {@code p_v > 0} and
   * {@code q_v = 0} makes the result {@code +∞}. The result is always ≥ 0: tiny negative round-off
   * is clamped to 0.
   *
   * @param logP log-probabilities of p, no NaN or +∞, not all −∞
   * @param logQ log-probabilities of q, same length as {@code logP}
   * @return the divergence in nats, in {@code [0, +∞]}
   * @throws IllegalArgumentException if the lengths differ (the message names both), or if either
   *     array is empty, has a NaN or +∞ entry, or is all −∞
   */
  public static double fromLogProbs(double[] logP, double[] logQ) {
    Checks.requireNonEmpty(logP, "logP");
    Checks.requireNonEmpty(logQ, "logQ");
    Checks.requireSameLength(logP.length, "logP", logQ.length, "logQ");
    double[] p = LogProbs.normalize(logP);
    double[] q = LogProbs.normalize(logQ);
    double kl = 0.0;
    for (int v = 0; v < p.length; v++) {
      if (p[v] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      if (q[v] == Double.NEGATIVE_INFINITY) {
        return Double.POSITIVE_INFINITY;
      }
      kl += Math.exp(p[v]) * (p[v] - q[v]);
    }
    return Math.max(0.0, kl);
  }
}
