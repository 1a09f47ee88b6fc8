package io.alignscope.stats;

/** Argument checks shared by the statistics; every message names the offending value. */
final class Checks {

  private Checks() {}

  /** Throws unless {@code values} is non-null and non-empty. */
  static void requireNonEmpty(double[] values, String name) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(name + " must be non-empty, got " + emptyOrNull(values));
    }
  }

  /** Throws unless {@code values} is non-null and non-empty. */
  static void requireNonEmpty(int[] values, String name) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(
          name + " must be non-empty, got " + emptyOrNull(values));
    }
  }

  /** Throws unless {@code values} is non-null and non-empty. */
  static <T> void requireNonEmpty(T[] values, String name) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(
          name + " must be non-empty, got " + emptyOrNull(values));
    }
  }

  /** Throws unless two arrays have the same length, naming both lengths. */
  static void requireSameLength(int lengthA, String nameA, int lengthB, String nameB) {
    if (lengthA != lengthB) {
      throw new IllegalArgumentException(
          nameA + " and " + nameB + " must have the same length, got " + lengthA + " and "
              + lengthB);
    }
  }

  /** Throws if any entry is NaN. */
  static void requireNoNaN(double[] values, String name) {
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is NaN");
      }
    }
  }

  /** Throws unless every entry is finite. */
  static void requireFinite(double[] values, String name) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + values[i]);
      }
    }
  }

  /** Throws unless {@code value} is finite. */
  static void requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }

  /** Throws unless {@code 0 < p <= 1}. */
  static void requireProbabilityMass(double p, String name) {
    if (!(p > 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + p);
    }
  }

  private static String emptyOrNull(Object array) {
    return array == null ? "null" : "an empty array";
  }
}
