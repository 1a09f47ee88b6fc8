package io.alignscope.jobs.select;

import java.util.Arrays;

/**
 * What the base model reads before the answer when IFD's "answer alone" loss is measured.
 *
 * <p>A causal model needs at least one position before the first token it predicts. When the
 * tokenizer prepends a BOS to prompts, the answer alone is scored after just that BOS, and IFD
 * compares the loss of all answer tokens with and without the instruction ({@link #BOS}). When it
 * does not (GPT-2 style tokenizers), there is no neutral position to start from, so the first
 * answer token itself becomes the context and both losses are taken over the answer's tokens 2..T
 * ({@link #FIRST_ANSWER_TOKEN}); an answer of one token then has no IFD.
 */
public enum IfdContext {
  /** The alone context is {@code [BOS]}; both losses cover every answer token. */
  BOS,
  /** The alone context is the first answer token; both losses cover answer tokens 2..T. */
  FIRST_ANSWER_TOKEN;

  /** The context for a tokenizer that does ({@code addsBos}) or does not prepend a BOS. */
  public static IfdContext of(boolean addsBos) {
    return addsBos ? BOS : FIRST_ANSWER_TOKEN;
  }

  /** Answer tokens left out of both IFD losses: 0 or 1. */
  public int skipped() {
    return this == BOS ? 0 : 1;
  }

  /** The alone context for {@code answer}; {@code bosId} is used for {@link #BOS}. */
  public long[] context(long[] answer, int bosId) {
    return this == BOS ? new long[] {bosId} : Arrays.copyOf(answer, 1);
  }

  /** The tokens scored after {@link #context}: the whole answer, or all but its first token. */
  public long[] targets(long[] answer) {
    return Arrays.copyOfRange(answer, skipped(), answer.length);
  }

  /** Whether an answer of {@code tokens} tokens has an IFD under this context. */
  public boolean defined(int tokens) {
    return tokens > skipped();
  }

  /** The column value: "bos" or "first-answer-token". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
