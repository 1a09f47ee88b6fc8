package io.alignscope.stats;

import java.util.Arrays;

/**
 * Entropy of the sampling distribution after temperature and nucleus (top-p) truncation, in nats.
 *
 * <p>Nucleus rule shared by both variants: sort the probabilities in descending order and keep the
 * smallest prefix whose cumulative probability reaches ≥ topP; the token that crosses the
 * threshold is included. The kept prefix is renormalised to sum to 1 and its entropy returned.
 * {@code topP = 1} keeps everything (no truncation), and so does a cumulative sum that round-off
 * keeps just below topP. Ties at the boundary do not matter: tied tokens contribute equally.
 */
public final class TruncatedEntropy {

  /** The nucleus mass used by the branching-factor reference code: 0.9. */
  public static final double DEFAULT_TOP_P = 0.9;

  /** The number of log-probabilities the reference code requests per step: 50. */
  public static final int PAPER_TOP_K = 50;

  private TruncatedEntropy() {}

  /**
   * Paper-compatible truncated entropy, as the branching-factor reference code computes it: the
   * given top-K log-probabilities (any order, K = 50 in the paper) are normalised among themselves
   * with log-sum-exp, then nucleus-truncated at {@code topP}, renormalised, and
   * {@code H = −Σ p log p} taken over the kept tokens. Entries of −∞ have probability 0.
   *
   * @param topLogProbs the top-K log-probabilities of one distribution; non-empty, no NaN or +∞,
   *     not all −∞
   * @param topP nucleus mass in {@code (0, 1]}
   * @return the truncated entropy, in {@code [0, log K]}
   * @throws IllegalArgumentException if {@code topLogProbs} is invalid or {@code topP} is outside
   *     {@code (0, 1]}
   */
  public static double paperCompatible(double[] topLogProbs, double topP) {
    Checks.requireProbabilityMass(topP, "topP");
    return nucleusEntropy(LogProbs.normalize(topLogProbs), topP);
  }

  /**
   * Exact entropy of the sampling distribution over the full vocabulary: divide the log-scores by
   * the temperature τ, normalise with log-sum-exp, nucleus-truncate at {@code topP} over the full
   * sorted vocabulary, renormalise, and take {@code H = −Σ p log p}.
   *
   * @param logScores log-scores (logits or log-probabilities) over the full vocabulary; non-empty,
   *     no NaN or +∞, not all −∞
   * @param temperature τ &gt; 0, finite
   * @param topP nucleus mass in {@code (0, 1]}
   * @return the entropy of the distribution actually sampled from
   * @throws IllegalArgumentException if {@code logScores} is invalid, τ is not a finite positive
   *     number, or {@code topP} is outside {@code (0, 1]}
   */
  public static double exact(double[] logScores, double temperature, double topP) {
    Checks.requireProbabilityMass(topP, "topP");
    if (!(temperature > 0.0) || temperature == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "temperature must be finite and > 0, got " + temperature);
    }
    Checks.requireNonEmpty(logScores, "logScores");
    double[] scaled = new double[logScores.length];
    for (int v = 0; v < logScores.length; v++) {
      scaled[v] = logScores[v] / temperature;
    }
    return nucleusEntropy(LogProbs.normalize(scaled), topP);
  }

  private static double nucleusEntropy(double[] normalizedLogProbs, double topP) {
    if (topP == 1.0) {
      return Entropy.ofNormalizedLogProbs(normalizedLogProbs);
    }
    double[] ascending = normalizedLogProbs.clone();
    Arrays.sort(ascending);
    int n = ascending.length;
    int kept = n;
    double cumulative = 0.0;
    for (int k = 1; k <= n; k++) {
      cumulative += Math.exp(ascending[n - k]);
      if (cumulative >= topP) {
        kept = k;
        break;
      }
    }
    return Entropy.fromLogProbs(Arrays.copyOfRange(ascending, n - kept, n));
  }
}
