package io.alignscope.udfs;

import scala.collection.Iterator;
import scala.collection.Seq;

/**
 * Converts the values Spark hands to Java UDFs into primitives. Spark 3.5 passes an {@code
 * array<...>} argument as a {@link Seq} (a {@code WrappedArray}) of boxed elements, and numeric
 * scalars as their boxed type, which for a SQL literal such as {@code 0.9} is a {@code
 * java.math.BigDecimal}; so every numeric element is read through {@link Number}.
 */
public final class SparkArrays {

  private SparkArrays() {}

  /**
   * An {@code array<double>} (or any numeric array) as a {@code double[]}.
   *
   * @param values the Spark array; not null
   * @return the elements as doubles
   * @throws IllegalArgumentException if an element is null or not a number
   */
  public static double[] toDoubles(Seq<?> values) {
    double[] out = new double[values.length()];
    Iterator<?> it = values.iterator();
    for (int i = 0; i < out.length; i++) {
      out[i] = toDouble(it.next(), "element " + i);
    }
    return out;
  }

  /**
   * An {@code array<array<double>>} as a ragged {@code double[][]}.
   *
   * @param rows the Spark array of arrays; not null
   * @return one {@code double[]} per inner array
   * @throws IllegalArgumentException if an inner array or an element is null or not numeric
   */
  public static double[][] toDoubleRows(Seq<?> rows) {
    double[][] out = new double[rows.length()][];
    Iterator<?> it = rows.iterator();
    for (int i = 0; i < out.length; i++) {
      Object row = it.next();
      if (!(row instanceof Seq<?> seq)) {
        throw new IllegalArgumentException("inner array " + i + " must be an array, got " + row);
      }
      out[i] = toDoubles(seq);
    }
    return out;
  }

  /**
   * A numeric scalar as a double.
   *
   * @param value a boxed number; not null
   * @param what names the value in the error message
   * @return the value as a double
   * @throws IllegalArgumentException if {@code value} is null or not a number
   */
  public static double toDouble(Object value, String what) {
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException(what + " must be a number, got " + value);
    }
    return number.doubleValue();
  }

  /**
   * An integral scalar (int, bigint or an integral decimal) as an int.
   *
   * @param value a boxed number; not null
   * @param what names the value in the error message
   * @return the value as an int
   * @throws IllegalArgumentException if {@code value} is not a number, has a fractional part, or
   *     does not fit in an int
   */
  public static int toInt(Object value, String what) {
    double asDouble = toDouble(value, what);
    if (asDouble != Math.rint(asDouble) || asDouble < Integer.MIN_VALUE
        || asDouble > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + " must be an int, got " + value);
    }
    return (int) asDouble;
  }
}
