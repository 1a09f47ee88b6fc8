package io.alignscope.stats;

/**
 * Instruction-Following Difficulty (Li et al. 2023): how much the instruction helps the base model
 * predict the answer. {@code IFD = loss(answer | instruction) / loss(answer alone)}; IFD &gt; 1
 * means the instruction does not help, and such examples are dropped.
 */
public final class InstructionFollowingDifficulty {

  private InstructionFollowingDifficulty() {}

  /**
   * Mean per-token loss {@code −(1/T) Σ_t log p(y_t | ...)} of the answer tokens, in nats.
   *
   * @param answerLogProbs log-probabilities of the answer tokens; non-empty, each ≤ 0 and not NaN
   *     (−∞ allowed, giving +∞)
   * @return the mean NLL ≥ 0
   * @throws IllegalArgumentException if empty, or an entry is NaN or positive
   */
  public static double meanLoss(double[] answerLogProbs) {
    Checks.requireNonEmpty(answerLogProbs, "answerLogProbs");
    double sum = 0.0;
    for (int t = 0; t < answerLogProbs.length; t++) {
      if (!(answerLogProbs[t] <= 0.0)) {
        throw new IllegalArgumentException(
            "answerLogProbs[" + t + "] must be a log-probability <= 0, got " + answerLogProbs[t]);
      }
      sum += answerLogProbs[t];
    }
    return -sum / answerLogProbs.length;
  }

  /**
   * {@code IFD = conditionedLoss / directLoss}.
   *
   * @param conditionedLoss mean per-token NLL of the answer given the instruction; finite, ≥ 0
   * @param directLoss mean per-token NLL of the answer alone; finite, ≥ 0
   * @return the ratio; NaN when {@code directLoss = 0} (the answer is certain without the
   *     instruction, so the ratio is undefined)
   * @throws IllegalArgumentException if a loss is negative, NaN or infinite
   */
  public static double fromLosses(double conditionedLoss, double directLoss) {
    requireLoss(conditionedLoss, "conditionedLoss");
    requireLoss(directLoss, "directLoss");
    return directLoss == 0.0 ? Double.NaN : conditionedLoss / directLoss;
  }

  /**
   * IFD from the answer tokens' log-probabilities with and without the instruction: {@code
   * fromLosses(meanLoss(conditioned), meanLoss(direct))}.
   *
   * @param conditionedLogProbs answer-token log-probs given the instruction
   * @param directLogProbs answer-token log-probs of the answer alone
   * @return the IFD, NaN when the direct loss is 0
   * @throws IllegalArgumentException as for {@link #meanLoss(double[])} and {@link
   *     #fromLosses(double, double)} (a −∞ log-prob gives an infinite loss, which is rejected)
   */
  public static double fromLogProbs(double[] conditionedLogProbs, double[] directLogProbs) {
    return fromLosses(meanLoss(conditionedLogProbs), meanLoss(directLogProbs));
  }

  /**
   * The IFD filter: keep an example when {@code IFD ≤ 1}.
   *
   * @param ifd an IFD value
   * @return true when {@code ifd ≤ 1}; false when it is above 1 or NaN
   */
  public static boolean keep(double ifd) {
    return ifd <= 1.0;
  }

  private static void requireLoss(double loss, String name) {
    if (!(loss >= 0.0) || loss == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + loss);
    }
  }
}
