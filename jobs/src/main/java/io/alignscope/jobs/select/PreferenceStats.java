package io.alignscope.jobs.select;

/**
 * Preference data (prompt, chosen, rejected): the chosen answer is scored as the example's answer
 * ({@link AnswerStats}); these are the rejected answer's numbers and the margin between the two.
 *
 * @param rejectedTokens length of the rejected answer in tokens
 * @param rejectedIfd IFD of the rejected answer (null when undefined)
 * @param rejectedMeanKl mean KL(aligned ‖ base) over the rejected answer
 * @param preferenceMargin mean per-token aligned log-prob of chosen minus that of rejected (nats per
 *     token; positive = the aligned model prefers the chosen answer)
 * @param basePreferenceMargin the same margin under the base model (after its own prompt);
 *     preferenceMargin − basePreferenceMargin is how much alignment moved the preference
 */
public record PreferenceStats(int rejectedTokens, Double rejectedIfd, double rejectedMeanKl, double preferenceMargin,
    double basePreferenceMargin) {

  /** The rejected answer's statistics compared with the chosen one's. */
  public static PreferenceStats of(AnswerStats chosen, AnswerStats rejected) {
    return new PreferenceStats(rejected.tokens(), rejected.ifd(), rejected.meanKl(),
        chosen.alignedMeanLogProb() - rejected.alignedMeanLogProb(),
        chosen.baseMeanLogProb() - rejected.baseMeanLogProb());
  }
}
