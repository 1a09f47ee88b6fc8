package io.alignscope.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The extension path: a session built with {@code spark.sql.extensions} and no call to {@link
 * AlignscopeUdfs#register}.
 */
class AlignscopeSqlExtensionsSparkTest extends LocalSparkTestBase {

  @Override
  protected SparkSession.Builder configure(SparkSession.Builder builder) {
    return builder.config("spark.sql.extensions", AlignscopeSqlExtensions.class.getName());
  }

  @Test
  void everyFunctionIsAvailableInSql() {
    for (SqlFunction f : AlignscopeFunctions.all()) {
      assertTrue(spark.catalog().functionExists(f.name()), f.name());
    }
  }

  @Test
  void functionsComputeAndPropagateNull() {
    Row row =
        spark
            .sql(
                "SELECT entropy_from_logprobs(array(log(0.5D), log(0.25D), log(0.25D))),"
                    + " shift_class(2), bf_entropy(array(array(0.2D, 0.4D, 0.6D, 0.8D))),"
                    + " bf_cumulative_curve(array(array(1D, 3D), array(0D, 2D, 9D))),"
                    + " entropy_from_logprobs(CAST(NULL AS array<double>)), ifd(2.0, NULL)")
            .first();
    assertEquals(1.5 * Math.log(2), row.getDouble(0), 1e-12);
    assertEquals("marginal", row.getString(1));
    // single sample: L = 4, exp(mean(0.2, 0.4, 0.6, 0.8)) = e^0.5
    assertEquals(Math.exp(0.5), row.getDouble(2), 1e-12);
    // (e + 1)/2 and (e² + e)/2, see BranchingFactorCurvesTest
    double e = Math.E;
    assertEquals(List.of((e + 1) / 2, (e * e + e) / 2), row.getList(3));
    assertTrue(row.isNullAt(4));
    assertTrue(row.isNullAt(5));
  }
}
