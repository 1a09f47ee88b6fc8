package io.alignscope.stats;

/** Shannon entropy of a discrete distribution, in nats (natural log). */
public final class Entropy {

  private Entropy() {}

  /**
   * Entropy from log-probabilities: {@code H = −Σ_v p_v log p_v} with {@code p_v = exp(logp_v)}.
   *
   * <p>The input may be unnormalised log-scores; it is first normalised with a stable log-sum-exp
   * ({@link LogProbs#normalize(double[])}). Entries of −∞ (probability 0) contribute 0. The result
   * is in {@code [0, log V]}; tiny negative round-off is clamped to 0.
   *
   * @param logProbs log-probabilities or log-scores over the vocabulary; non-empty, no NaN or +∞,
   *     not all −∞
   * @return the entropy in nats
   * @throws IllegalArgumentException if empty, if an entry is NaN or +∞, or if all entries are −∞
   */
  public static double fromLogProbs(double[] logProbs) {
    return ofNormalizedLogProbs(LogProbs.normalize(logProbs));
  }

  /**
   * Entropy from probabilities: {@code H = −Σ_v p_v log p_v} after dividing by {@code Σ_v p_v} (so
   * unnormalised non-negative weights are accepted). Zero entries contribute 0.
   *
   * @param probs non-empty, every entry finite and ≥ 0, positive total
   * @return the entropy in nats
   * @throws IllegalArgumentException if empty, if an entry is negative or not finite, or if the
   *     total is 0
   */
  public static double fromProbabilities(double[] probs) {
    Checks.requireNonEmpty(probs, "probs");
    double total = 0.0;
    for (int v = 0; v < probs.length; v++) {
      if (!(probs[v] >= 0.0) || probs[v] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "probs[" + v + "] must be finite and >= 0, got " + probs[v]);
      }
      total += probs[v];
    }
    if (total == 0.0) {
      throw new IllegalArgumentException(
          "probs has no mass: all " + probs.length + " entries are 0");
    }
    double h = 0.0;
    for (double p : probs) {
      if (p > 0.0) {
        double q = p / total;
        h -= q * Math.log(q);
      }
    }
    return Math.max(0.0, h);
  }

  /**
   * Entropy of already-normalised log-probabilities (no normalisation, no validation); −∞ entries
   * contribute 0. Shared by the truncated variants, which normalise themselves.
   */
  static double ofNormalizedLogProbs(double[] logProbs) {
    double h = 0.0;
    for (double lp : logProbs) {
      if (lp != Double.NEGATIVE_INFINITY) {
        h -= Math.exp(lp) * lp;
      }
    }
    return Math.max(0.0, h);
  }
}
