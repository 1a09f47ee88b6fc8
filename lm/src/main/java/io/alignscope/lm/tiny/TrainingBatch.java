package io.alignscope.lm.tiny;

/**
 * One batch of next-token training rows, all of the same length.
 *
 * @param inputs token ids {@code [B][T]}
 * @param targets the token to predict at each position {@code [B][T]}
 * @param attention 1 for real input tokens, 0 for padding {@code [B][T]}
 * @param lossWeight 1 where the prediction counts toward the loss {@code [B][T]}
 */
public record TrainingBatch(long[][] inputs, long[][] targets, long[][] attention, float[][] lossWeight) {}
