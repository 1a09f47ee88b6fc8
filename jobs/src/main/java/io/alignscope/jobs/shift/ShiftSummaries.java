package io.alignscope.jobs.shift;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The shift stage's summaries, computed from the per-example table alone (so they can be
 * recomputed from it at any time): overall fractions, fractions by absolute and by relative
 * answer position, and the tokens most often shifted. Fractions are pooled over positions.
 */
public final class ShiftSummaries {
  private ShiftSummaries() {}

  /** One row per answer position: the example's answer length and that position's statistics. */
  static Dataset<Row> positions(Dataset<Row> examples) {
    return examples.select(col(ShiftSchema.ID), col(ShiftSchema.ANSWER_TOKENS), posexplode(arrays_zip(
            col(ShiftSchema.TOKEN_IDS), col(ShiftSchema.BASE_RANK), col(ShiftSchema.KL), col("base_entropy"),
            col("aligned_entropy"))).as(new String[] {"position", "p"}))
        .select(col(ShiftSchema.ID), col(ShiftSchema.ANSWER_TOKENS), col("position"),
            col("p." + ShiftSchema.TOKEN_IDS).as("token_id"), col("p." + ShiftSchema.BASE_RANK).as("rank"),
            col("p." + ShiftSchema.KL).as("kl"), col("p.base_entropy").as("base_entropy"),
            col("p.aligned_entropy").as("aligned_entropy"));
  }

  private static Column[] classFractions() {
    return new Column[] {
      count(lit(1)).as("positions"),
      avg(when(col("rank").equalTo(1), 1.0).otherwise(0.0)).as("unshifted"),
      avg(when(col("rank").between(2, 3), 1.0).otherwise(0.0)).as("marginal"),
      avg(when(col("rank").gt(3), 1.0).otherwise(0.0)).as("shifted"),
      avg(col("kl")).as("mean_kl"),
      avg(col("base_entropy")).as("mean_base_entropy"),
      avg(col("aligned_entropy")).as("mean_aligned_entropy")
    };
  }

  /** One row: examples, positions, pooled class fractions, mean KL and entropies. */
  public static Dataset<Row> overall(Dataset<Row> examples) {
    Column[] pooled = classFractions();
    Dataset<Row> perPosition = positions(examples).agg(pooled[0], java.util.Arrays.copyOfRange(pooled, 1, pooled.length));
    Dataset<Row> perExample = examples.agg(count(lit(1)).as("examples"),
        avg(col("frac_shifted")).as("mean_example_shifted"),
        sum(when(col("answer_source").equalTo("generated"), 1).otherwise(0)).as("generated_answers"));
    return perExample.crossJoin(perPosition);
  }

  /** Class fractions at each absolute answer position below {@code limit}. */
  public static Dataset<Row> byPosition(Dataset<Row> examples, int limit) {
    Column[] stats = classFractions();
    return positions(examples).filter(col("position").lt(limit)).groupBy("position")
        .agg(stats[0], java.util.Arrays.copyOfRange(stats, 1, stats.length)).orderBy("position");
  }

  /** Class fractions in {@code bins} equal bins of relative position t / T. */
  public static Dataset<Row> byRelativePosition(Dataset<Row> examples, int bins) {
    Column[] stats = classFractions();
    return positions(examples)
        .withColumn("bin", floor(col("position").multiply(bins).divide(col(ShiftSchema.ANSWER_TOKENS))).cast("int"))
        .groupBy("bin").agg(stats[0], java.util.Arrays.copyOfRange(stats, 1, stats.length))
        .withColumn("bin_start", col("bin").divide(bins)).orderBy("bin");
  }

  /**
   * The {@code k} tokens shifted most often, with their text: occurrences, shifted count and
   * rate, marginal count, mean KL.
   */
  public static Dataset<Row> topTokens(SparkSession spark, Dataset<Row> examples, int k, IntFunction<String> text) {
    List<Row> top = positions(examples).groupBy("token_id").agg(
            count(lit(1)).as("occurrences"),
            sum(when(col("rank").gt(3), 1).otherwise(0)).as("shifted"),
            sum(when(col("rank").between(2, 3), 1).otherwise(0)).as("marginal"),
            avg(col("kl")).as("mean_kl"))
        .filter(col("shifted").gt(0))
        .orderBy(col("shifted").desc(), col("token_id")).limit(k).collectAsList();
    List<Row> rows = new ArrayList<>();
    for (Row r : top) {
      int id = r.getInt(0);
      long occurrences = r.getLong(1);
      long shifted = r.getLong(2);
      rows.add(RowFactory.create(id, text.apply(id), occurrences, shifted, r.getLong(3),
          (double) shifted / occurrences, r.getDouble(4)));
    }
    StructType schema = new StructType()
        .add("token_id", DataTypes.IntegerType, false)
        .add("token", DataTypes.StringType)
        .add("occurrences", DataTypes.LongType, false)
        .add("shifted", DataTypes.LongType, false)
        .add("marginal", DataTypes.LongType, false)
        .add("shifted_rate", DataTypes.DoubleType, false)
        .add("mean_kl", DataTypes.DoubleType, false);
    return spark.createDataFrame(rows, schema);
  }
}
