package io.alignscope.jobs.report;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;

import io.alignscope.jobs.ingest.RejectsSchema;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.shift.ShiftStage;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Tables the report reads that no finished stage writes yet, made up for tests: selection tables
 * derived from a run's shift examples (the selection stage is built elsewhere), hostile token
 * strings added to the most-shifted-tokens table, and a reject full of markup.
 */
final class FixtureTables {
  private FixtureTables() {}

  /** select/scored (with a {@code selected} flag), select/subset and select/summary from shift/examples. */
  static void selection(SparkSession spark, RunLayout layout) {
    Dataset<Row> examples = spark.read().parquet(layout.table(ShiftStage.EXAMPLES));
    Dataset<Row> scored = examples.select(col("id"), col("source"),
            abs(hash(col("id"))).mod(1000).divide(1000.0).plus(0.2).as("ifd"),
            col("frac_shifted").as("shift_density"), col("mean_kl"),
            col("mean_base_entropy").as("answer_entropy"),
            abs(hash(concat(col("id"), lit("isa")))).mod(1000).divide(100.0).as("isa"),
            col("answer_tokens").cast("long").as("length"))
        .withColumn("selected", col("ifd").gt(0.8));
    scored.write().mode(SaveMode.Overwrite).parquet(layout.table(SelectionSection.SCORED));
    Dataset<Row> written = spark.read().parquet(layout.table(SelectionSection.SCORED));
    written.filter(col("selected")).select("id", "source").write().mode(SaveMode.Overwrite)
        .parquet(layout.table(SelectionSection.SUBSET));
    written.selectExpr("'weighted' as strategy", "0.1 as budget", "count(*) as scored",
            "sum(cast(selected as int)) as selected")
        .write().mode(SaveMode.Overwrite).parquet(layout.table(SelectionSection.SUMMARY));
  }

  /** A reject of the stand-in selection stage whose id, detail and raw record are hostile strings. */
  static void hostileReject(SparkSession spark, RunLayout layout) {
    String hostile = HostileStrings.SCRIPT_BREAKOUT + HostileStrings.IMG_ONERROR;
    RejectsSchema.of(spark, List.of(RejectsSchema.row(hostile, "fixture-reject", hostile, hostile, hostile, "select")))
        .drop(RejectsSchema.STAGE).write().mode(SaveMode.Overwrite).parquet(layout.rejects("select"));
  }

  /** Adds every hostile string as a frequently shifted token to shift/top_tokens. */
  static void hostileTopTokens(SparkSession spark, RunLayout layout) {
    String path = layout.table(ShiftStage.TOP_TOKENS);
    Dataset<Row> existing = spark.read().parquet(path);
    List<Row> rows = new ArrayList<>(existing.collectAsList());
    for (int i = 0; i < HostileStrings.ALL.size(); i++) {
      rows.add(RowFactory.create(100_000 + i, HostileStrings.ALL.get(i), 10_000L, 9_000L - i, 500L, 0.9, 0.1));
    }
    spark.createDataFrame(rows, existing.schema()).write().mode(SaveMode.Overwrite).parquet(path);
  }
}
