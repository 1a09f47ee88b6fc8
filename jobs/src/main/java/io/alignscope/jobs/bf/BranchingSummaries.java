package io.alignscope.jobs.bf;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Dataset-level branching factor from the per-prompt table: per model the mean over prompts of
 * the per-prompt BF (exp first, then mean, as the paper does), and the position curves averaged
 * over the prompts that reach each position.
 */
public final class BranchingSummaries {
  private BranchingSummaries() {}

  /** One row per model. */
  public static Dataset<Row> perModel(Dataset<Row> prompts) {
    return prompts.groupBy("model").agg(
            count(lit(1)).as("prompts"),
            avg(col("bf")).as("dataset_bf"),
            expr("percentile_approx(bf, 0.5)").as("median_bf"),
            avg(col("bf_other_entropy")).as("dataset_bf_other_entropy"),
            avg(col("effective_length")).as("mean_effective_length"),
            avg(col("mean_length")).as("mean_length"),
            avg(when(col("estimator").equalTo("aep"), 1.0).otherwise(0.0)).as("aep_share"),
            avg(col("eos_fraction")).as("eos_fraction"),
            avg(col("nudged_fraction")).as("nudged_fraction"),
            sum(col("samples")).as("continuations"))
        .orderBy("model");
  }

  /**
   * Curves by model: {@code curve} is "window" (index k covers tokens [k*w, (k+1)*w)) or
   * "cumulative" (index t is the prefix up to token t); value is the mean over prompts that reach it.
   */
  public static Dataset<Row> curves(Dataset<Row> prompts, int window) {
    Dataset<Row> windows = prompts.select(col("model"), posexplode(col("window_curve")).as(new String[] {"index", "v"}))
        .withColumn("curve", lit("window")).withColumn("position", col("index").multiply(window));
    Dataset<Row> prefixes = prompts.select(col("model"), posexplode(col("cumulative_curve")).as(new String[] {"index", "v"}))
        .withColumn("curve", lit("cumulative")).withColumn("position", col("index"));
    return windows.unionByName(prefixes).groupBy("model", "curve", "index", "position")
        .agg(avg(col("v")).as("bf"), count(lit(1)).as("prompts"))
        .orderBy("model", "curve", "index");
  }
}
