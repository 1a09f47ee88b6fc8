package io.alignscope.jobs.report;

import java.util.regex.Pattern;

/**
 * One chart on the page with its title and a one-line caption that says what to look for.
 *
 * @param id stable name (lower case, digits, dashes), also the key in the page's chart registry
 * @param title heading
 * @param caption what to look for
 * @param chart the chart
 * @param wide whether it spans the full width
 * @param height height of the drawing area in CSS pixels
 */
record Figure(String id, String title, String caption, ChartSpec chart, boolean wide, int height) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final int HALF_HEIGHT = 300;
  private static final int WIDE_HEIGHT = 380;

  Figure {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("figure id '" + id + "' must match " + ID.pattern());
    }
    if (height < 100 || height > 4000) {
      throw new IllegalArgumentException("figure " + id + ": height " + height + " px is not in [100, 4000]");
    }
  }

  /** A half-width figure. */
  static Figure of(String id, String title, String caption, ChartSpec chart) {
    return new Figure(id, title, caption, chart, false, HALF_HEIGHT);
  }

  /** A full-width figure. */
  static Figure wide(String id, String title, String caption, ChartSpec chart) {
    return new Figure(id, title, caption, chart, true, WIDE_HEIGHT);
  }

  /** The same figure with another height, e.g. to fit one bar per category. */
  Figure height(int pixels) {
    return new Figure(id, title, caption, chart, wide, pixels);
  }
}
