package io.alignscope.lm.infer;

/**
 * Two models scored on the same target tokens, each after its own prompt: {@code reference} is
 * the distribution P (the aligned model), {@code other} is Q (the base model).
 *
 * @param reference scores under P
 * @param other scores under Q
 * @param kl KL(P || Q) over the full vocabulary at each position
 */
public record PairScores(TokenScores reference, TokenScores other, float[] kl) {}
