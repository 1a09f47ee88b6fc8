package io.alignscope.jobs.cli;

import io.alignscope.jobs.config.JobConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The session of a run: spark-submit's settings when present, the configured local master otherwise. */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession create(JobConfig config) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(config.run().name());
    if (!conf.contains("spark.master")) {
      builder.master(config.spark().master());
      if (!conf.contains("spark.sql.shuffle.partitions")) {
        builder.config("spark.sql.shuffle.partitions", "8");
      }
    }
    return builder.getOrCreate();
  }

  /** Runs {@code work} in a session for {@code config} and stops the session afterwards. */
  static <T> T with(JobConfig config, java.util.function.Function<SparkSession, T> work) {
    SparkSession spark = create(config);
    try {
      return work.apply(spark);
    } finally {
      spark.stop();
    }
  }
}
