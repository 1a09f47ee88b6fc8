package io.alignscope.jobs.config;

/** Where the shift stage's answers come from. */
public enum AnswerSource {
  /** The corpus response when present, else a greedy answer of the aligned model. */
  AUTO,
  /** Always the corpus response (rows without one are rejected). */
  RESPONSE,
  /** Always a greedy answer of the aligned model. */
  GENERATE
}
