package io.alignscope.stats;

/**
 * The effective length L of a set of sampled answers for one prompt: the positions over which the
 * branching factor is averaged.
 */
public final class EffectiveLength {

  private EffectiveLength() {}

  /**
   * {@code alive(t) = #{i : len_i > t}}: how many samples still have a step at position t.
   *
   * @param lengths sample lengths, each ≥ 0
   * @param t a position ≥ 0
   * @return the number of samples alive at t
   */
  public static int alive(int[] lengths, int t) {
    int alive = 0;
    for (int length : lengths) {
      if (length > t) {
        alive++;
      }
    }
    return alive;
  }

  /**
   * The effective length. Start from {@code L0 = floor(P)} where P is the {@code
   * settings.lengthPercentile()}-th percentile of the lengths ({@link Percentile#linear(int[],
   * double)}, numpy's default). Then cut at the first {@code t < L0} with {@code alive(t) ≤
   * minAlive}: L = that t; otherwise L = L0.
   *
   * <p>When there are no more samples than {@code minAlive} (M ≤ minAlive) the cut uses 0 instead
   * of minAlive, i.e. it only cuts where no sample is alive; so a single sample keeps L = its own
   * length. L = 0 is possible (e.g. all samples empty, or min-alive hit at t = 0).
   *
   * @param lengths sample lengths len_i ≥ 0 (each counts the EOS step); non-empty
   * @param settings percentile and min-alive rule
   * @return L ≥ 0
   * @throws IllegalArgumentException if {@code lengths} is empty or has a negative entry
   */
  public static int of(int[] lengths, BranchingFactorSettings settings) {
    Checks.requireNonEmpty(lengths, "lengths");
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] < 0) {
        throw new IllegalArgumentException("lengths[" + i + "] must be >= 0, got " + lengths[i]);
      }
    }
    int capped = (int) Math.floor(Percentile.linear(lengths, settings.lengthPercentile()));
    int threshold = lengths.length <= settings.minAlive() ? 0 : settings.minAlive();
    for (int t = 0; t < capped; t++) {
      if (alive(lengths, t) <= threshold) {
        return t;
      }
    }
    return capped;
  }
}
