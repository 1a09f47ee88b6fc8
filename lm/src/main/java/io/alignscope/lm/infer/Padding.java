package io.alignscope.lm.infer;

/** Which side of a batch row carries the padding. */
public enum Padding {
  /** Tokens first, padding after (scoring). */
  RIGHT,
  /** Padding first, tokens after, so every row ends at the last column (generation). */
  LEFT
}
