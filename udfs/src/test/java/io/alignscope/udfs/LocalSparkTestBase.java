package io.alignscope.udfs;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One light local[2] SparkSession per test class, stopped (and forgotten) after the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LocalSparkTestBase {

  protected SparkSession spark;

  /** Hook for subclasses that need extra session configuration. */
  protected SparkSession.Builder configure(SparkSession.Builder builder) {
    return builder;
  }

  @BeforeAll
  void startSpark() {
    spark =
        configure(
                SparkSession.builder()
                    .master("local[2]")
                    .appName(getClass().getSimpleName())
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1"))
            .getOrCreate();
  }

  @AfterAll
  void stopSpark() {
    spark.stop();
    // Static session config (extensions) only applies to a fresh session, so forget this one.
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }
}
