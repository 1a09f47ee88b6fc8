package io.alignscope.jobs.shift;

import io.alignscope.lm.infer.PairScores;

/**
 * The distribution-shift measurement of one answer: the aligned model's answer tokens, read by
 * both models after their own prompts.
 *
 * @param id corpus id
 * @param source corpus source label
 * @param answerSource "response" (given) or "generated" (the aligned model's greedy answer)
 * @param answerText the answer's text
 * @param stopReason why generation ended (null for given responses)
 * @param tokens answer token ids
 * @param basePromptTokens length of the base prompt
 * @param alignedPromptTokens length of the aligned prompt
 * @param scores per-position statistics: reference = aligned (P), other = base (Q)
 */
public record ShiftExample(String id, String source, String answerSource, String answerText, String stopReason,
    long[] tokens, int basePromptTokens, int alignedPromptTokens, PairScores scores) {}
