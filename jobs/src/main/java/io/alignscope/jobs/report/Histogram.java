package io.alignscope.jobs.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Equal-width bins over [{@code min}, {@code max}]: value v falls in bin
 * floor((v - min) * bins / (max - min)), clamped to the first and last bin, so the maximum belongs
 * to the last bin and values outside the range to the end bins.
 *
 * @param min lower edge of the first bin
 * @param max upper edge of the last bin (above min)
 * @param bins number of bins (at least 1)
 */
record Histogram(double min, double max, int bins) {

  Histogram {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min) || bins < 1) {
      throw new IllegalArgumentException("bad histogram: [" + min + ", " + max + "] in " + bins + " bins");
    }
  }

  /** {@code maxBins} bins covering the observed [{@code min}, {@code max}]; one bin when they are equal. */
  static Histogram over(double min, double max, int maxBins) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || max < min || maxBins < 1) {
      throw new IllegalArgumentException("bad histogram range [" + min + ", " + max + "] with " + maxBins + " bins");
    }
    if (max == min) {
      return new Histogram(min, min + Math.max(Math.abs(min) * 1e-6, 1e-9), 1);
    }
    return new Histogram(min, max, maxBins);
  }

  /** Multiplier from (v - min) to a fractional bin index. */
  double scale() {
    return bins / (max - min);
  }

  /** The bin of {@code value}, clamped to [0, bins). */
  int binOf(double value) {
    int bin = (int) Math.floor((value - min) * scale());
    return Math.max(0, Math.min(bins - 1, bin));
  }

  /** Lower edge of bin {@code i} (i = bins gives max). */
  double lower(int i) {
    return i == bins ? max : min + i * (max - min) / bins;
  }

  /** One label per bin, e.g. "0.2–0.3"; a single-value histogram's bin is labelled by that value. */
  List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      labels.add(bins == 1 ? Format.number(min) : Format.number(lower(i)) + "\u2013" + Format.number(lower(i + 1)));
    }
    return labels;
  }
}
