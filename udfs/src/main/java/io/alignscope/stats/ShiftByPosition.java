package io.alignscope.stats;

/** Where in an answer the shifted tokens fall, by relative position t/T. */
public final class ShiftByPosition {

  private ShiftByPosition() {}

  /**
   * Splits the answer positions {@code t = 0..T−1} into {@code bins} equal bins by relative
   * position (position t goes to bin {@code floor(t·B/T)}) and returns, per bin, the fraction of
   * its positions that are shifted (rank η > 3).
   *
   * <p>A bin that receives no position (possible only when {@code T < B}) is NaN.
   *
   * @param ranks per-position ranks η_t ≥ 1; non-empty
   * @param bins number of bins B ≥ 1
   * @return an array of length B with the shifted fraction per bin
   * @throws IllegalArgumentException if {@code ranks} is empty, a rank is below 1, or {@code bins
   *     < 1}
   */
  public static double[] shiftedFractions(int[] ranks, int bins) {
    Checks.requireNonEmpty(ranks, "ranks");
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    int length = ranks.length;
    int[] shifted = new int[bins];
    int[] total = new int[bins];
    for (int t = 0; t < length; t++) {
      int bin = (int) ((long) t * bins / length);
      total[bin]++;
      if (ShiftClass.ofRank(ranks[t]) == ShiftClass.SHIFTED) {
        shifted[bin]++;
      }
    }
    double[] fractions = new double[bins];
    for (int b = 0; b < bins; b++) {
      fractions[b] = total[b] == 0 ? Double.NaN : (double) shifted[b] / total[b];
    }
    return fractions;
  }
}
