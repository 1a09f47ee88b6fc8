package io.alignscope.jobs.report;

import java.util.Arrays;
import org.apache.spark.sql.Row;

/** Reads collected rows by column name, tolerating absent columns, nulls and any numeric type. */
final class RowValues {
  private RowValues() {}

  /** Whether the row has the column. */
  static boolean has(Row row, String column) {
    return Arrays.asList(row.schema().fieldNames()).contains(column);
  }

  /** The column as a double; NaN when absent, null or not a number. */
  static double number(Row row, String column) {
    Object v = has(row, column) ? row.getAs(column) : null;
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** The column as a long; {@code fallback} when absent, null or not a number. */
  static long count(Row row, String column, long fallback) {
    Object v = has(row, column) ? row.getAs(column) : null;
    return v instanceof Number n ? n.longValue() : fallback;
  }

  /** The column as text; "" when absent or null. */
  static String text(Row row, String column) {
    Object v = has(row, column) ? row.getAs(column) : null;
    return v == null ? "" : v.toString();
  }

  /** A cell for display: numbers formatted, booleans and text as they are, "–" for null. */
  static String display(Row row, int i) {
    Object v = row.get(i);
    if (v == null) {
      return Format.MISSING;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return Format.count(((Number) v).longValue());
    }
    if (v instanceof Number n) {
      return Format.number(n.doubleValue());
    }
    return v.toString();
  }
}
