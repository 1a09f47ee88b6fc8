package io.alignscope.udfs;

import static io.alignscope.udfs.SparkTestData.ENTROPIES;
import static io.alignscope.udfs.SparkTestData.NLLS;
import static io.alignscope.udfs.SparkTestData.doubles;
import static io.alignscope.udfs.SparkTestData.list;
import static io.alignscope.udfs.SparkTestData.rows;
import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.stats.BranchingFactor;
import io.alignscope.stats.BranchingFactorCurves;
import io.alignscope.stats.CompressionDistance;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The register path: {@link AlignscopeUdfs#register} on a local[2] session. */
class AlignscopeUdfsSparkTest extends LocalSparkTestBase {

  private static final double EPS = 1e-12;
  private static final double LN2 = Math.log(2);

  @BeforeAll
  void registerAndCreateViews() {
    AlignscopeUdfs.register(spark);
    StructType tokens =
        new StructType()
            .add("lp", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("token", DataTypes.IntegerType);
    // p = [0.5, 0.25, 0.25, 0]; row 2 is all NULL
    List<Row> tokenRows =
        Arrays.asList(
            RowFactory.create(
                list(Math.log(0.5), Math.log(0.25), Math.log(0.25), Double.NEGATIVE_INFINITY), 2),
            RowFactory.create(null, null));
    spark.createDataFrame(tokenRows, tokens).createOrReplaceTempView("tokens");

    StructType samples =
        new StructType()
            .add("h", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType)))
            .add("nll", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType)));
    spark
        .createDataFrame(List.of(RowFactory.create(rows(ENTROPIES), rows(NLLS))), samples)
        .createOrReplaceTempView("samples");
  }

  @Test
  void everyFunctionIsRegistered() {
    for (SqlFunction f : AlignscopeFunctions.all()) {
      assertTrue(spark.catalog().functionExists(f.name()), f.name());
    }
    assertEquals(12, AlignscopeFunctions.all().size());
  }

  @Test
  void dataFrameApi() {
    Dataset<Row> tokens = spark.table("tokens").where(col("token").isNotNull());
    Row row =
        tokens
            .select(
                call_udf("entropy_from_logprobs", col("lp")),
                call_udf("token_rank", col("lp"), col("token")),
                AlignscopeFunctions.named("shift_class").orElseThrow().apply(lit(4)),
                AlignscopeFunctions.named("kl_divergence")
                    .orElseThrow()
                    .apply(col("lp"), col("lp")))
            .first();
    assertEquals(1.5 * LN2, row.getDouble(0), EPS); // [0.5, 0.25, 0.25, 0]
    assertEquals(2, row.getInt(1)); // token 2 (0.25) ties token 1 → rank 2
    assertEquals("shifted", row.getString(2));
    assertEquals(0.0, row.getDouble(3));
  }

  @Test
  void scalarFunctionsThroughSql() {
    Row row =
        spark
            .sql(
                "SELECT entropy_from_logprobs(lp), token_rank(lp, token),"
                    + " shift_class(token_rank(lp, 0)),"
                    + " kl_divergence(array(log(0.5D), log(0.5D)), array(log(0.25D), log(0.75D))),"
                    + " truncated_entropy(array(log(0.15), log(0.5), log(0.05), log(0.3)), 0.9),"
                    + " ncd_gzip('abcabc', 'xyz', 6), ifd(1.0, 2.0)"
                    + " FROM tokens WHERE token IS NOT NULL")
            .first();
    assertEquals(1.5 * LN2, row.getDouble(0), EPS);
    assertEquals(2, row.getInt(1));
    assertEquals("unshifted", row.getString(2));
    assertEquals(0.5 * Math.log(4.0 / 3.0), row.getDouble(3), EPS); // see KlDivergenceTest
    // 0.5, 0.3, 0.15 kept and renormalised by 0.95 (see TruncatedEntropyTest)
    double truncated =
        Math.log(19) - (10 * Math.log(10) + 6 * Math.log(6) + 3 * Math.log(3)) / 19;
    assertEquals(truncated, row.getDouble(4), EPS);
    assertEquals(CompressionDistance.ncd("abcabc", "xyz", 6), row.getDouble(5));
    assertEquals(0.5, row.getDouble(6), EPS);
  }

  @Test
  void branchingFactorOnNestedArraysMatchesThePureFunctions() {
    Row row =
        spark
            .sql(
                "SELECT bf_entropy(h), bf_aep(h, nll), branching_factor(h, nll),"
                    + " bf_window_curve(h, 1), bf_cumulative_curve(h) FROM samples")
            .first();
    assertEquals(Math.exp(1.11), row.getDouble(0), EPS);
    assertEquals(Math.exp(11.0 / 13.0), row.getDouble(1), EPS);
    assertEquals(BranchingFactor.perPrompt(ENTROPIES, NLLS).value(), row.getDouble(2));
    assertArrayEquals(BranchingFactorCurves.windowed(ENTROPIES, 1), doubles(row, 3));
    assertArrayEquals(BranchingFactorCurves.cumulative(ENTROPIES), doubles(row, 4));
    // minLen = 2 → window 1: t=0: mean of exp(1, 1, .5, 2, .5, 1); t=1: exp(2, 1, .5, 2, .5, 0)
    double first = (3 * Math.E + 2 * Math.exp(0.5) + Math.exp(2)) / 6;
    assertEquals(first, doubles(row, 3)[0], EPS);
  }

  @Test
  void nullInNullOut() {
    Row row =
        spark
            .sql(
                "SELECT entropy_from_logprobs(lp), token_rank(lp, token), token_rank(array(0D),"
                    + " token), shift_class(token), kl_divergence(lp, lp), truncated_entropy(lp,"
                    + " 0.9), ncd_gzip(NULL, 'a', 6), ncd_gzip('a', 'b', NULL), ifd(NULL, 1.0),"
                    + " bf_entropy(NULL), bf_aep(NULL, NULL), branching_factor(NULL, NULL),"
                    + " bf_window_curve(NULL, 5), bf_cumulative_curve(NULL)"
                    + " FROM tokens WHERE token IS NULL")
            .first();
    for (int i = 0; i < row.length(); i++) {
      assertTrue(row.isNullAt(i), "column " + i + " should be NULL: " + row);
    }
  }

  @Test
  void wrongArgumentCountFailsAtAnalysisWithTheExpectedArity() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> spark.sql("SELECT ncd_gzip('a', 'b')").collect());
    assertEquals("function ncd_gzip takes 3 argument(s), got 2", e.getMessage());
  }

  @Test
  void badInputFailsTheTaskWithTheValidationMessage() {
    SparkException e =
        assertThrows(
            SparkException.class, () -> spark.sql("SELECT ncd_gzip('a', 'b', 0)").collect());
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
      cause = cause.getCause();
    }
    assertTrue(cause.getMessage().contains("level must be in 1..9, got 0"), cause.toString());
  }

  @Test
  void describeFunctionShowsTheUsage() {
    String description =
        spark.sql("DESCRIBE FUNCTION bf_window_curve").collectAsList().toString();
    assertTrue(
        description.contains(
            "Usage: bf_window_curve(entropies array<array<double>>, window int)"),
        description);
  }
}
