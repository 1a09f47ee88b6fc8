package io.alignscope.jobs.nudge;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The nudging summary: how many tokens the aligned model wrote, pooled and per prompt. */
public final class NudgeSummaries {
  private NudgeSummaries() {}

  /** One row; fractions are in the shared (base) tokenizer's tokens. */
  public static Dataset<Row> overall(Dataset<Row> outputs) {
    return outputs.agg(count(lit(1)).as("prompts"), sum(col("length")).as("tokens"),
            sum(col("aligned_tokens")).as("aligned_tokens"), avg(col("nudged_fraction")).as("mean_prompt_fraction"),
            avg(col("length")).as("mean_length"))
        .withColumn("token_fraction", col("aligned_tokens").divide(col("tokens")))
        .withColumn("unit", lit("base tokenizer tokens"));
  }
}
