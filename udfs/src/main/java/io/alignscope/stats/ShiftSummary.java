package io.alignscope.stats;

/**
 * Fractions of unshifted, marginal and shifted tokens in a sequence of ranks (they sum to 1).
 *
 * @param unshifted fraction with η = 1
 * @param marginal fraction with η ∈ {2, 3}
 * @param shifted fraction with η > 3
 */
public record ShiftSummary(double unshifted, double marginal, double shifted) {

  /**
   * Counts each rank's {@link ShiftClass} and divides by the number of ranks.
   *
   * @param ranks token ranks η ≥ 1; non-empty
   * @return the three fractions
   * @throws IllegalArgumentException if {@code ranks} is empty or a rank is below 1
   */
  public static ShiftSummary of(int[] ranks) {
    Checks.requireNonEmpty(ranks, "ranks");
    int unshifted = 0;
    int marginal = 0;
    int shifted = 0;
    for (int rank : ranks) {
      switch (ShiftClass.ofRank(rank)) {
        case UNSHIFTED -> unshifted++;
        case MARGINAL -> marginal++;
        case SHIFTED -> shifted++;
      }
    }
    double n = ranks.length;
    return new ShiftSummary(unshifted / n, marginal / n, shifted / n);
  }
}
