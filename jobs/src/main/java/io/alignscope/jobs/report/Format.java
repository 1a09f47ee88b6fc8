package io.alignscope.jobs.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How numbers read on the page: three significant digits, grouped counts, percentages. */
final class Format {
  /** What a missing or non-finite value reads as. */
  static final String MISSING = "\u2013";

  private Format() {}

  /** Three significant digits ("211", "5.68", "0.0168"); thousands grouped above 1000. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return MISSING;
    }
    if (Math.abs(value) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** A count with thousands grouped ("8,832"). */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A fraction as a percentage with one decimal ("92.4 %"). */
  static String percent(double fraction) {
    return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", 100 * fraction) : MISSING;
  }

  /** A ratio ("2.31×"). */
  static String ratio(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f\u00d7", value) : MISSING;
  }
}
