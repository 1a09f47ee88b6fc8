package io.alignscope.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Histograms computed on Spark: the range and the per-bin counts are aggregations, only
 * {@code groups x bins} numbers reach the driver. Null, NaN and infinite values are left out.
 */
final class HistogramCounts {
  private static final String VALUE = "__value";
  private static final String GROUP = "__group";
  private static final String BIN = "__bin";

  /**
   * Bin counts per group over shared bins.
   *
   * @param histogram the bins
   * @param counts group label to count per bin, groups in the order of their labels
   */
  record Binned(Histogram histogram, Map<String, long[]> counts) {
    /** The counts of one group as chart values. */
    List<Double> values(String group) {
      long[] c = counts.getOrDefault(group, new long[histogram.bins()]);
      List<Double> out = new ArrayList<>();
      for (long n : c) {
        out.add((double) n);
      }
      return out;
    }
  }

  private HistogramCounts() {}

  /** Counts of {@code value} in at most {@code maxBins} bins spanning its observed range. */
  static Optional<Binned> of(Dataset<Row> table, String value, Column group, int maxBins) {
    Dataset<Row> valid = finite(table, value, group);
    Row range = valid.agg(min(col(VALUE)), max(col(VALUE))).first();
    if (range.isNullAt(0)) {
      return Optional.empty();
    }
    return Optional.of(count(valid, Histogram.over(range.getDouble(0), range.getDouble(1), maxBins)));
  }

  /** Counts of {@code value} in the given bins (values outside fall into the end bins). */
  static Optional<Binned> of(Dataset<Row> table, String value, Column group, Histogram histogram) {
    Binned binned = count(finite(table, value, group), histogram);
    return binned.counts().isEmpty() ? Optional.empty() : Optional.of(binned);
  }

  private static Dataset<Row> finite(Dataset<Row> table, String value, Column group) {
    Column v = col(VALUE);
    return table.select(group.cast("string").as(GROUP), col(value).cast("double").as(VALUE))
        .filter(v.isNotNull().and(v.between(-Double.MAX_VALUE, Double.MAX_VALUE)));
  }

  private static Binned count(Dataset<Row> valid, Histogram h) {
    Column bin = least(greatest(floor(col(VALUE).minus(h.min()).multiply(h.scale())).cast("int"), lit(0)),
        lit(h.bins() - 1));
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (Row r : valid.groupBy(col(GROUP), bin.as(BIN)).count().orderBy(GROUP, BIN).collectAsList()) {
      String group = r.isNullAt(0) ? "(none)" : r.getString(0);
      counts.computeIfAbsent(group, g -> new long[h.bins()])[r.getInt(1)] += r.getLong(2);
    }
    return new Binned(h, counts);
  }
}
