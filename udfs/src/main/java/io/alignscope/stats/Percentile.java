package io.alignscope.stats;

import java.util.Arrays;

/** Percentiles with numpy's default ({@code method="linear"}) interpolation. */
public final class Percentile {

  private Percentile() {}

  /**
   * The q-th percentile as {@code numpy.percentile(values, q)} computes it: sort ascending, take
   * the virtual index {@code h = (n − 1)·(q/100)}, and interpolate linearly between {@code
   * x[floor(h)]} and {@code x[floor(h) + 1]} with weight {@code g = h − floor(h)}.
   *
   * <p>Reproduces numpy's rounding too: numpy evaluates {@code b − (b − a)(1 − g)} when {@code g ≥
   * 0.5} and {@code a + (b − a)g} otherwise.
   *
   * @param values non-empty, no NaN (not modified)
   * @param q the percentile in {@code [0, 100]}
   * @return the interpolated percentile
   * @throws IllegalArgumentException if {@code values} is empty or has a NaN, or {@code q} is
   *     outside {@code [0, 100]}
   */
  public static double linear(double[] values, double q) {
    Checks.requireNonEmpty(values, "values");
    Checks.requireNoNaN(values, "values");
    if (!(q >= 0.0 && q <= 100.0)) {
      throw new IllegalArgumentException("percentile q must be in [0, 100], got " + q);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double h = (n - 1) * (q / 100.0);
    if (h >= n - 1) {
      return sorted[n - 1];
    }
    int lo = (int) Math.floor(h);
    double gamma = h - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
  }

  /**
   * {@link #linear(double[], double)} for integer values (e.g. sample lengths).
   *
   * @param values non-empty
   * @param q the percentile in {@code [0, 100]}
   * @return the interpolated percentile
   * @throws IllegalArgumentException as for {@link #linear(double[], double)}
   */
  public static double linear(int[] values, double q) {
    Checks.requireNonEmpty(values, "values");
    return linear(Arrays.stream(values).asDoubleStream().toArray(), q);
  }
}
