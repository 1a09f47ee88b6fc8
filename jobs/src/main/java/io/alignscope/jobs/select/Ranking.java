package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import io.alignscope.jobs.config.SelectionScore;
import io.alignscope.jobs.config.SelectionStrategy;
import io.alignscope.jobs.ingest.CanonicalSchema;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark side of {@link RankingPlan}: orders the eligible rows and numbers them, with
 * distributed sorts (a range-partitioned sort, then {@code zipWithIndex}), never a window over the
 * whole dataset. Adds:
 *
 * <ul>
 *   <li>{@code rank_value}: what the order sorts on (the score for top-k, the weighted sum for
 *       weighted/stratified, null for random);
 *   <li>{@code rank} (1 = first) and {@code rank_of} (eligible rows);
 *   <li>{@code stratum}: the source ("(none)" when null) for the stratified strategy, "*" otherwise;
 *   <li>{@code stratum_rank}, {@code stratum_size}: rank and size within the stratum;
 *   <li>{@code walk_position}: the order in which the selection walks rows. The rank, except for
 *       the stratified strategy, where strata are interleaved by relative rank {@code
 *       (stratum_rank − 0.5)/stratum_size} (ties by rank), so every source is walked at the pace of
 *       its size.
 * </ul>
 */
public final class Ranking {
  public static final String RANK_VALUE = "rank_value";
  public static final String RANK = "rank";
  public static final String RANK_OF = "rank_of";
  public static final String STRATUM = "stratum";
  public static final String STRATUM_RANK = "stratum_rank";
  public static final String STRATUM_SIZE = "stratum_size";
  public static final String WALK = "walk_position";
  /** The stratum of every row when the strategy is not stratified. */
  public static final String ALL = "*";
  /** The stratum of rows without a source. */
  public static final String NO_SOURCE = "(none)";

  private Ranking() {}

  /** The stratum column for a strategy. */
  public static Column stratum(SelectionStrategy strategy) {
    return strategy == SelectionStrategy.STRATIFIED ? coalesce(col(CanonicalSchema.SOURCE), lit(NO_SOURCE))
        : lit(ALL);
  }

  /** {@code eligible} (with the score columns) ranked by {@code plan}. */
  public static Dataset<Row> rank(Dataset<Row> eligible, RankingPlan plan) {
    Column id = col(CanonicalSchema.ID).asc();
    Dataset<Row> valued;
    Column[] order;
    switch (plan.strategy()) {
      case TOP_K -> {
        valued = eligible.withColumn(RANK_VALUE, col(plan.score().column()).cast(DataTypes.DoubleType));
        Column v = col(RANK_VALUE);
        order = new Column[] {plan.prefersHigh(plan.score()) ? v.desc_nulls_last() : v.asc_nulls_last(), id};
      }
      case WEIGHTED, STRATIFIED -> {
        valued = eligible;
        Column sum = lit(0.0);
        for (Map.Entry<SelectionScore, Double> w : plan.weights().entrySet()) {
          String pct = "_pct_" + w.getKey().column();
          valued = withPercentRank(valued, w.getKey().column(), pct);
          Column oriented = plan.prefersHigh(w.getKey()) ? col(pct) : lit(1.0).minus(col(pct));
          sum = sum.plus(lit(w.getValue()).multiply(coalesce(oriented, lit(RankingPlan.MISSING_PERCENT_RANK))));
        }
        valued = valued.withColumn(RANK_VALUE, sum);
        for (SelectionScore s : plan.weights().keySet()) {
          valued = valued.drop("_pct_" + s.column());
        }
        order = new Column[] {col(RANK_VALUE).desc(), id};
      }
      case RANDOM -> {
        valued = eligible.withColumn("_random_key", TextScores.seededKey(plan.seed()).apply(col(CanonicalSchema.ID)))
            .withColumn(RANK_VALUE, lit(null).cast(DataTypes.DoubleType));
        order = new Column[] {col("_random_key").asc(), id};
      }
      default -> throw new IllegalStateException("unknown strategy " + plan.strategy());
    }
    long n = eligible.count();
    Dataset<Row> ranked = withRowNumber(valued, order, RANK).drop("_random_key")
        .withColumn(RANK_OF, lit(n))
        .withColumn(STRATUM, stratum(plan.strategy()));
    if (plan.strategy() != SelectionStrategy.STRATIFIED) {
      return ranked.withColumn(STRATUM_RANK, col(RANK)).withColumn(STRATUM_SIZE, lit(n))
          .withColumn(WALK, col(RANK));
    }
    ranked = ranked
        .withColumn(STRATUM_RANK, row_number().over(Window.partitionBy(STRATUM).orderBy(col(RANK))).cast("long"))
        .withColumn(STRATUM_SIZE, count(lit(1)).over(Window.partitionBy(STRATUM)));
    Column relative = col(STRATUM_RANK).minus(0.5).divide(col(STRATUM_SIZE));
    return withRowNumber(ranked.withColumn("_relative", relative), new Column[] {col("_relative").asc(),
        col(RANK).asc()}, WALK).drop("_relative");
  }

  /**
   * {@code df} with {@code out} = the percent rank of {@code column} among its non-null values:
   * (number of smaller values) / (n − 1), 0 when n = 1; null where the value is null.
   */
  public static Dataset<Row> withPercentRank(Dataset<Row> df, String column, String out) {
    Dataset<Row> keyed = df.withColumn("_v", col(column).cast(DataTypes.DoubleType));
    Dataset<Row> values = keyed.select(col("_v")).filter(col("_v").isNotNull());
    long n = values.count();
    if (n == 0) {
      return df.withColumn(out, lit(null).cast(DataTypes.DoubleType));
    }
    Dataset<Row> numbered = withRowNumber(values, new Column[] {col("_v").asc()}, "_i");
    double denominator = n > 1 ? n - 1 : 1;
    Dataset<Row> ranks = numbered.groupBy("_v").agg(min(col("_i")).as("_first"))
        .select(col("_v"), col("_first").minus(1).divide(denominator).as(out));
    return keyed.join(ranks, keyed.col("_v").eqNullSafe(ranks.col("_v")), "left")
        .drop(ranks.col("_v")).drop("_v");
  }

  /** {@code df} sorted by {@code order} (a total order) with a 1-based row number {@code name}. */
  public static Dataset<Row> withRowNumber(Dataset<Row> df, Column[] order, String name) {
    Dataset<Row> sorted = df.sort(order);
    StructType schema = sorted.schema().add(name, DataTypes.LongType, false);
    JavaRDD<Row> numbered = sorted.javaRDD().zipWithIndex().map(t -> {
      Row r = t._1();
      Object[] values = new Object[r.size() + 1];
      for (int i = 0; i < r.size(); i++) {
        values[i] = r.get(i);
      }
      values[r.size()] = t._2() + 1;
      return RowFactory.create(values);
    });
    return df.sparkSession().createDataFrame(numbered, schema);
  }
}
