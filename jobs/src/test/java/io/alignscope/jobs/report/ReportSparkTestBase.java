package io.alignscope.jobs.report;

import io.alignscope.jobs.testing.SparkTests;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One light local[2] SparkSession per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportSparkTestBase {
  protected SparkSession spark;

  @BeforeAll
  void startSpark() {
    spark = SparkTests.session(getClass().getSimpleName(), "local[2]");
  }

  @AfterAll
  void stopSpark() {
    SparkTests.stop(spark);
  }
}
