package io.alignscope.lm.infer;

/**
 * A continuation produced by nudging. The statistics of each step in {@code generation} are those
 * of the model that produced that token.
 *
 * @param generation tokens and per-step statistics
 * @param fromAligned whether each token came from the aligned model
 */
public record NudgedGeneration(Generation generation, boolean[] fromAligned) {

  /** Number of tokens the aligned model produced. */
  public int alignedTokens() {
    int n = 0;
    for (boolean b : fromAligned) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** Fraction of tokens from the aligned model (0 for an empty continuation). */
  public double nudgedFraction() {
    return fromAligned.length == 0 ? 0 : (double) alignedTokens() / fromAligned.length;
  }
}
