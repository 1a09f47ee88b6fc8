package io.alignscope.jobs.select;

/**
 * Everything the selection stage's model pass measures for one example.
 *
 * @param id corpus id
 * @param answer the answer's statistics (the response, or the chosen answer of preference data)
 * @param context how IFD's alone loss was measured
 * @param preference the rejected answer's statistics, or null when the row is not preference data
 * @param embedding the base model's final hidden state at the answer's last token (after the base
 *     prompt), L2-normalised
 */
public record ModelScores(String id, AnswerStats answer, IfdContext context, PreferenceStats preference,
    float[] embedding) {}
