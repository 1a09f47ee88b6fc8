package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;

import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.jobs.select.SelectionReasons.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code select/summary} table, long format: one row per (section, name, statistic) with a
 * number in {@code value} or words in {@code text}.
 *
 * <ul>
 *   <li>{@code settings}: strategy, budget, seed, thresholds, the ISA fit (dimensions, rows,
 *       weights, log-likelihood range, direction), ZIP-FIT target, IFD context;
 *   <li>{@code counts}: accepted, model_rejects, scored, dropped_ifd_above_one, near_duplicates,
 *       eligible, diversity_filtered (with _in_partitions and _in_final_walk), not_reached,
 *       budget_rows, selected, shortfall, diversity_rounds, diversity_candidates;
 *   <li>{@code quota}: per stratum (source for the stratified strategy, "*" otherwise) the quota,
 *       the eligible rows and the rows selected;
 *   <li>{@code distribution:all} and {@code distribution:selected}: count, min, p25, median, p75,
 *       max and mean of each score (percentiles from Spark's {@code percentile_approx} with
 *       accuracy 10000: exact below 10000 rows, within 1/10000 of the rank above);
 *   <li>{@code notes}: the diversity approximation, the ISA direction, and warnings (fewer rows
 *       than the budget).
 * </ul>
 */
public final class SelectionSummaries {
  public static final StructType SCHEMA = new StructType()
      .add("section", DataTypes.StringType, false)
      .add("name", DataTypes.StringType, false)
      .add("statistic", DataTypes.StringType)
      .add("value", DataTypes.DoubleType)
      .add("text", DataTypes.StringType);
  private static final String[] STATS = {"count", "min", "p25", "median", "p75", "max", "mean"};

  private SelectionSummaries() {}

  /** The approximation note of the distributed diversity filter. */
  public static String approximationNote(double threshold) {
    return "DEITA diversity runs distributed: each partition walks its rows in rank order and keeps those with "
        + "cosine <= " + threshold + " to the rows it kept; the driver then walks all kept rows in global rank order "
        + "with the exact greedy filter, so the threshold holds between every pair of selected rows. Approximation: "
        + "a row refused inside its partition never reaches the final walk, although the sequential walk over all "
        + "rows might have accepted it (when the row that blocked it is itself refused in the final walk).";
  }

  /** The warnings and notes of an outcome. */
  public static List<String> warnings(Selector.Outcome o) {
    List<String> w = new ArrayList<>();
    if (o.shortfall() > 0) {
      String why = o.eligible() < o.budget()
          ? "only " + o.eligible() + " rows survived the IFD and near-duplicate filters"
          : "the diversity filter ran out of rows with cosine <= threshold to all selected";
      w.add("selected " + o.selected() + " rows, " + o.shortfall() + " fewer than the budget of " + o.budget() + ": "
          + why);
    }
    if (!o.diversity().exact()) {
      w.add("the final diversity walk may have needed rows beyond the partitions' caps (caps covered every row)");
    }
    return w;
  }

  /** The summary rows. */
  public static Dataset<Row> of(SparkSession spark, Selector.Outcome o, SelectSettings s, long accepted,
      long modelRejects, String ifdContext) {
    List<Row> rows = new ArrayList<>();
    text(rows, "settings", "strategy", o.plan().describe());
    value(rows, "settings", "budget", s.budget());
    value(rows, "settings", "seed", s.seed());
    value(rows, "settings", "drop_ifd_above_one", s.dropIfdAboveOne() ? 1 : 0);
    value(rows, "settings", "dedup_threshold", s.dedupEnabled() ? s.dedupThreshold() : null);
    value(rows, "settings", "cosine_threshold", s.diversityEnabled() ? s.cosineThreshold() : null);
    text(rows, "settings", "ifd_context", ifdContext);
    text(rows, "settings", "isa_order", s.isaOrder().name().toLowerCase(Locale.ROOT).replace('_', '-')
        + (s.isaOrder() == io.alignscope.jobs.config.IsaOrder.ATYPICAL_FIRST
            ? ": lowest ΔH (least likely under the mixture) first, the paper as written"
            : ": highest ΔH (most likely under the mixture) first"));
    IsaScores.Fit isa = o.isa();
    value(rows, "settings", "isa_input_dimensions", isa.inputDimensions());
    value(rows, "settings", "isa_pca_dimensions", isa.dimensions());
    value(rows, "settings", "isa_components", isa.components());
    value(rows, "settings", "isa_fit_rows", isa.fitRows());
    text(rows, "settings", "isa_weights", Arrays.toString(isa.weights()));
    value(rows, "settings", "isa_loglik_min", isa.minLogLikelihood());
    value(rows, "settings", "isa_loglik_max", isa.maxLogLikelihood());
    text(rows, "settings", "zipfit_target", s.zipfitTarget().isBlank() ? "(none)" : s.zipfitTarget());
    value(rows, "settings", "zipfit_level", s.zipfitLevel());

    DiversitySelection.Result d = o.diversity();
    Map<String, Long> statusCounts = new java.util.TreeMap<>();
    for (Row r : o.scored().groupBy(Selector.STATUS).count().collectAsList()) {
      statusCounts.put(r.getString(0), r.getLong(1));
    }
    value(rows, "counts", "accepted", accepted);
    value(rows, "counts", "model_rejects", modelRejects);
    value(rows, "counts", "scored", o.scoredRows());
    value(rows, "counts", "dropped_ifd_above_one", o.droppedIfd());
    value(rows, "counts", "near_duplicates", o.nearDuplicates());
    value(rows, "counts", "eligible", o.eligible());
    value(rows, "counts", "diversity_filtered", d.filteredInPartitions() + d.filteredInMerge());
    value(rows, "counts", "diversity_filtered_in_partitions", d.filteredInPartitions());
    value(rows, "counts", "diversity_filtered_in_final_walk", d.filteredInMerge());
    value(rows, "counts", "not_reached", statusCounts.getOrDefault(Status.NOT_REACHED.label(), 0L));
    value(rows, "counts", "budget_rows", o.budget());
    value(rows, "counts", "selected", o.selected());
    value(rows, "counts", "shortfall", o.shortfall());
    value(rows, "counts", "diversity_rounds", d.rounds());
    value(rows, "counts", "diversity_candidates", d.candidates());

    Map<String, long[]> perStratum = new java.util.TreeMap<>();
    for (Row r : o.scored().filter(col(Selector.ELIGIBLE)).groupBy(Ranking.STRATUM)
        .agg(count(lit(1)), org.apache.spark.sql.functions.sum(col(Selector.SELECTED).cast("long"))).collectAsList()) {
      perStratum.put(r.getString(0), new long[] {r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2)});
    }
    o.quotas().forEach((stratum, quota) -> {
      long[] c = perStratum.getOrDefault(stratum, new long[2]);
      rows.add(RowFactory.create("quota", stratum, "quota", (double) quota, null));
      rows.add(RowFactory.create("quota", stratum, "eligible", (double) c[0], null));
      rows.add(RowFactory.create("quota", stratum, "selected", (double) c[1], null));
    });

    distributions(rows, "distribution:all", o.scored());
    distributions(rows, "distribution:selected", o.scored().filter(col(Selector.SELECTED)));

    if (s.diversityEnabled()) {
      text(rows, "notes", "approximation", approximationNote(s.cosineThreshold()));
    }
    text(rows, "notes", "isa", "isa is ΔH = l′·e^l′ with l′ the mixture log-likelihood min-max scaled over all "
        + o.scoredRows() + " scored rows; high = typical; ranked "
        + s.isaOrder().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    for (String w : warnings(o)) {
      text(rows, "notes", "warning", w);
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static void distributions(List<Row> out, String section, Dataset<Row> rows) {
    List<String> columns = ScoredColumns.distributionColumns();
    List<Column> aggs = new ArrayList<>();
    for (String c : columns) {
      Column v = col(c).cast(DataTypes.DoubleType);
      aggs.add(count(v));
      aggs.add(min(v));
      aggs.add(percentile_approx(v, array(lit(0.25), lit(0.5), lit(0.75)), lit(10000)));
      aggs.add(max(v));
      aggs.add(avg(v));
    }
    Row r = rows.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    for (int i = 0; i < columns.size(); i++) {
      int at = i * 5;
      long n = r.getLong(at);
      if (n == 0) {
        out.add(RowFactory.create(section, columns.get(i), "count", 0.0, null));
        continue;
      }
      List<Double> q = r.getList(at + 2);
      Double[] values = {(double) n, r.getDouble(at + 1), q.get(0), q.get(1), q.get(2), r.getDouble(at + 3),
          r.getDouble(at + 4)};
      for (int k = 0; k < STATS.length; k++) {
        out.add(RowFactory.create(section, columns.get(i), STATS[k], values[k], null));
      }
    }
  }

  private static void value(List<Row> rows, String section, String name, Number value) {
    rows.add(RowFactory.create(section, name, null, value == null ? null : value.doubleValue(), null));
  }

  private static void text(List<Row> rows, String section, String name, String text) {
    rows.add(RowFactory.create(section, name, null, null, text));
  }
}
