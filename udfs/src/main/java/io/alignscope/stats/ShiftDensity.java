package io.alignscope.stats;

/**
 * Shift density of one aligned answer: where the aligned model departs most from the base model.
 *
 * @param fractionShifted fraction of the answer's positions with rank η > 3
 * @param meanKl mean over positions of KL(p_aligned‖p_base), in nats (+∞ if any position is +∞)
 */
public record ShiftDensity(double fractionShifted, double meanKl) {

  /**
   * {@code fractionShifted = #{t : η_t > 3} / T} and {@code meanKl = (1/T) Σ_t KL_t}.
   *
   * @param ranks per-position ranks η_t ≥ 1; non-empty
   * @param kl per-position KL divergences, same length as {@code ranks}, each ≥ 0 (or +∞)
   * @return the density
   * @throws IllegalArgumentException if empty, if the lengths differ, if a rank is below 1, or if a
   *     KL value is NaN or negative
   */
  public static ShiftDensity of(int[] ranks, double[] kl) {
    Checks.requireNonEmpty(ranks, "ranks");
    Checks.requireNonEmpty(kl, "kl");
    Checks.requireSameLength(ranks.length, "ranks", kl.length, "kl");
    int shifted = 0;
    double klSum = 0.0;
    for (int t = 0; t < ranks.length; t++) {
      if (ShiftClass.ofRank(ranks[t]) == ShiftClass.SHIFTED) {
        shifted++;
      }
      if (!(kl[t] >= 0.0)) {
        throw new IllegalArgumentException("kl[" + t + "] must be >= 0, got " + kl[t]);
      }
      klSum += kl[t];
    }
    return new ShiftDensity((double) shifted / ranks.length, klSum / ranks.length);
  }
}
