package io.alignscope.stats;

/**
 * Alignment quality as a function of the fraction of data used (ISA paper): {@code R(x) = r − (r
 * − a)·e^(−b·x)}, rising from a at x = 0 towards the plateau r.
 */
public final class SaturationCurve {

  private SaturationCurve() {}

  /**
   * {@code R(x) = r − (r − a)·e^(−b·x)}.
   *
   * @param x data fraction (or size); finite
   * @param plateau r, the value approached as x grows (when b &gt; 0); finite
   * @param start a, the value at x = 0; finite
   * @param rate b, how fast the plateau is reached; finite
   * @return R(x)
   * @throws IllegalArgumentException if an argument is not finite
   */
  public static double value(double x, double plateau, double start, double rate) {
    Checks.requireFinite(x, "x");
    Checks.requireFinite(plateau, "plateau");
    Checks.requireFinite(start, "start");
    Checks.requireFinite(rate, "rate");
    return plateau - (plateau - start) * Math.exp(-rate * x);
  }
}
