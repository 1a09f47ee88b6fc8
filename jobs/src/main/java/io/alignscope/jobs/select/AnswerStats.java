package io.alignscope.jobs.select;

import io.alignscope.lm.infer.PairScores;
import io.alignscope.lm.infer.TokenScores;
import io.alignscope.stats.InstructionFollowingDifficulty;
import io.alignscope.stats.ShiftDensity;

/**
 * The per-answer numbers of the selection stage's model pass, from the teacher-forced scores of
 * one answer: aligned model after its prompt (P), base model after its prompt (Q), and base model
 * after the IFD "alone" context.
 *
 * @param tokens answer length T in tokens
 * @param conditionedLoss mean NLL of the answer under the base model after the base prompt, over
 *     the tokens IFD uses (see {@link IfdContext}); null when IFD is undefined
 * @param directLoss mean NLL of the same tokens after the alone context; null when undefined
 * @param ifd conditionedLoss / directLoss; null when undefined or when directLoss is 0
 * @param shiftDensity fraction of answer tokens whose base-model rank is above 3
 * @param meanKl mean over answer tokens of KL(P_aligned ‖ Q_base), nats
 * @param answerEntropy mean base-model entropy (nats) over the answer positions, after the prompt
 * @param answerBf exp(answerEntropy): the answer's branching-factor proxy
 * @param alignedMeanLogProb mean log p_aligned(answer token) over all T tokens
 * @param baseMeanLogProb mean log p_base(answer token) after the base prompt over all T tokens
 */
public record AnswerStats(int tokens, Double conditionedLoss, Double directLoss, Double ifd, double shiftDensity,
    double meanKl, double answerEntropy, double answerBf, double alignedMeanLogProb, double baseMeanLogProb) {

  /** Float log_softmax can round the top token's log-probability a hair above 0. */
  private static final double ROUND_OFF = 1e-6;

  /**
   * @param pair the answer scored by the aligned (reference) and base (other) models
   * @param direct the base model's scores of {@link IfdContext#targets} after {@link
   *     IfdContext#context}; null when IFD is undefined for this answer
   * @param context how the alone loss was measured
   */
  public static AnswerStats of(PairScores pair, TokenScores direct, IfdContext context) {
    TokenScores base = pair.other();
    TokenScores aligned = pair.reference();
    int n = base.length();
    if (n == 0) {
      throw new IllegalArgumentException("an answer needs at least one token");
    }
    Double conditioned = null;
    Double alone = null;
    Double ifd = null;
    if (direct != null) {
      if (direct.length() != n - context.skipped()) {
        throw new IllegalArgumentException("direct scores cover " + direct.length() + " tokens, expected "
            + (n - context.skipped()) + " (" + context.label() + " context, answer of " + n + ")");
      }
      conditioned = InstructionFollowingDifficulty.meanLoss(logProbs(base.logProb(), context.skipped()));
      alone = InstructionFollowingDifficulty.meanLoss(logProbs(direct.logProb(), 0));
      double ratio = InstructionFollowingDifficulty.fromLosses(conditioned, alone);
      ifd = Double.isNaN(ratio) ? null : ratio;
    }
    double[] kl = new double[n];
    for (int t = 0; t < n; t++) {
      kl[t] = pair.kl()[t];
    }
    ShiftDensity density = ShiftDensity.of(base.rank(), kl);
    double entropy = mean(base.entropy());
    return new AnswerStats(n, conditioned, alone, ifd, density.fractionShifted(), density.meanKl(), entropy,
        Math.exp(entropy), mean(aligned.logProb()), mean(base.logProb()));
  }

  /** The log-probabilities from {@code from} on, as doubles, with round-off above 0 set to 0. */
  static double[] logProbs(float[] values, int from) {
    double[] out = new double[values.length - from];
    for (int t = from; t < values.length; t++) {
      double v = values[t];
      out[t - from] = v > 0 && v <= ROUND_OFF ? 0.0 : v;
    }
    return out;
  }

  static double mean(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
