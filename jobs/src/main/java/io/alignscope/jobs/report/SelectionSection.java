package io.alignscope.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.alignscope.jobs.config.SelectionScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * Data selection: the distribution of every per-example score, kept rows against the rest, and the
 * stage's own summary. Tolerant of the tables' exact shape: scores are the known score columns
 * (and any numeric {@code *_score} column) that {@code select/scored} has; "kept" comes from its
 * {@code selected} column, else from membership in {@code select/subset} by {@code id}.
 */
final class SelectionSection {
  static final String ID = "select";
  static final String SCORED = "select/scored";
  static final String SUBSET = "select/subset";
  static final String SUMMARY = "select/summary";
  private static final String TITLE = "Data selection";
  private static final String LEAD = "Per-example scores (IFD, shift density, KL, entropy, ISA, ZIP-FIT, length) and "
      + "which examples the configured strategy kept for alignment.";
  private static final String KEPT = "kept";
  private static final String REST = "not kept";
  private static final String ALL = "all rows";
  private static final String GROUP = "__kept_group";
  private static final int HISTOGRAM_BINS = 20;

  private final RunTables tables;

  SelectionSection(RunTables tables) {
    this.tables = tables;
  }

  ReportSection build() {
    Optional<Dataset<Row>> scored = tables.read(SCORED);
    Optional<Dataset<Row>> subset = tables.read(SUBSET);
    Optional<Dataset<Row>> summary = tables.read(SUMMARY);
    if (scored.isEmpty() && subset.isEmpty() && summary.isEmpty()) {
      return ReportSection.notRun(ID, TITLE, LEAD, tables.absent(SCORED) + " (add select to run.stages)");
    }
    ReportSection s = ReportSection.ran(ID, TITLE, LEAD);
    summary.ifPresent(t -> summary(s, t));
    subset.ifPresent(t -> s.keyNumber("examples selected", Format.count(t.count())));
    scored.ifPresentOrElse(t -> scores(s, grouped(t, subset)),
        () -> s.note("No score distributions: " + tables.absent(SCORED)));
    return s;
  }

  /** Score columns of {@code scored}, known scores first in their usual order. */
  static List<String> scoreColumns(Dataset<Row> scored) {
    Map<String, StructField> numeric = new LinkedHashMap<>();
    for (StructField f : scored.schema().fields()) {
      if (f.dataType() instanceof NumericType) {
        numeric.put(f.name(), f);
      }
    }
    List<String> columns = new ArrayList<>();
    Arrays.stream(SelectionScore.values()).map(SelectionScore::column).filter(numeric::containsKey).forEach(columns::add);
    numeric.keySet().stream().filter(n -> (n.equals("score") || n.endsWith("_score")) && !columns.contains(n))
        .forEach(columns::add);
    return columns;
  }

  private static void summary(ReportSection s, Dataset<Row> summary) {
    List<Row> rows = summary.limit(20).collectAsList();
    String[] columns = summary.columns();
    if (rows.size() == 1) {
      for (int i = 0; i < columns.length; i++) {
        s.fact(columns[i].replace('_', ' '), RowValues.display(rows.get(0), i));
      }
    } else if (!rows.isEmpty()) {
      SimpleTable table = SimpleTable.of(SUMMARY, columns);
      for (Row r : rows) {
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
          cells[i] = RowValues.display(r, i);
        }
        table.row(cells);
      }
      s.table(table);
    }
  }

  /** {@code scored} with a kept/not-kept (or all-rows) group column. */
  private Dataset<Row> grouped(Dataset<Row> scored, Optional<Dataset<Row>> subset) {
    if (RunTables.missing(scored, "selected").isEmpty()) {
      return scored.withColumn(GROUP, when(col("selected").cast("boolean"), KEPT).otherwise(REST));
    }
    if (subset.isPresent() && RunTables.missing(scored, "id").isEmpty()
        && RunTables.missing(subset.get(), "id").isEmpty()) {
      Dataset<Row> ids = subset.get().select(col("id")).distinct().withColumn(GROUP, lit(KEPT));
      return scored.join(ids, scored.col("id").equalTo(ids.col("id")), "left").drop(ids.col("id"))
          .withColumn(GROUP, when(col(GROUP).isNull(), REST).otherwise(col(GROUP)));
    }
    return scored.withColumn(GROUP, lit(ALL));
  }

  private void scores(ReportSection s, Dataset<Row> scored) {
    List<String> scores = scoreColumns(scored);
    Map<String, Long> groupRows = new LinkedHashMap<>();
    scored.groupBy(GROUP).count().collectAsList().forEach(r -> groupRows.put(r.getString(0), r.getLong(1)));
    long total = groupRows.values().stream().mapToLong(Long::longValue).sum();
    s.fact("Examples scored", Format.count(total));
    if (groupRows.containsKey(KEPT) || groupRows.containsKey(REST)) {
      long kept = groupRows.getOrDefault(KEPT, 0L);
      s.fact("Kept", Format.count(kept) + " (" + Format.percent(total == 0 ? Double.NaN : (double) kept / total) + ")");
    } else {
      s.note(SCORED + " has no selected column and no select/subset to match by id: distributions cover all rows.");
    }
    if (scores.isEmpty()) {
      s.note(SCORED + " has no score column (" + Arrays.stream(SelectionScore.values()).map(SelectionScore::column)
          .toList() + "); no distributions.");
      return;
    }
    means(s, scored, scores);
    for (String score : scores) {
      HistogramCounts.of(scored, score, col(GROUP), HISTOGRAM_BINS).ifPresentOrElse(
          b -> s.figure(Figure.of("select-" + score.replace('_', '-'), "Distribution of " + score,
              "Kept rows against the rest, each as a share of its own rows: where the kept bars pile up is the end "
                  + "of " + score + " the selector favours.", distribution(b, groupRows))),
          () -> s.note(score + " has no finite value; no distribution."));
    }
  }

  private static ChartSpec distribution(HistogramCounts.Binned b, Map<String, Long> groupRows) {
    ChartSpec chart = ChartSpec.bars(b.histogram().labels()).axes("value", "% of the group's rows");
    for (String group : List.of(KEPT, REST, ALL)) {
      if (b.counts().containsKey(group)) {
        long n = groupRows.getOrDefault(group, 1L);
        chart.series(group, b.values(group).stream().map(v -> 100 * v / Math.max(1, n)).toList(),
            group.equals(REST) ? Palette.REST : Palette.KEPT);
      }
    }
    return chart;
  }

  private static void means(ReportSection s, Dataset<Row> scored, List<String> scores) {
    List<Column> aggs = new ArrayList<>();
    scores.forEach(c -> aggs.add(avg(col(c)).as(c)));
    aggs.add(count(lit(1)).as("__rows"));
    Map<String, Row> byGroup = new LinkedHashMap<>();
    scored.groupBy(GROUP).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).collectAsList()
        .forEach(r -> byGroup.put(RowValues.text(r, GROUP), r));
    List<String> groups = new ArrayList<>(List.of(KEPT, REST, ALL));
    groups.retainAll(byGroup.keySet());
    List<String> header = new ArrayList<>(List.of("score"));
    groups.forEach(g -> header.add("mean, " + g));
    SimpleTable table = SimpleTable.of("Mean score per group", header.toArray(new String[0]));
    for (String score : scores) {
      List<String> cells = new ArrayList<>(List.of(score));
      groups.forEach(g -> cells.add(Format.number(RowValues.number(byGroup.get(g), score))));
      table.row(cells.toArray(new String[0]));
    }
    s.table(table);
  }
}
