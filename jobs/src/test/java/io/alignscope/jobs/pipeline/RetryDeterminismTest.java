package io.alignscope.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import io.alignscope.jobs.testing.RunConfigs;
import io.alignscope.jobs.testing.SparkTests;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that fails halfway and is retried (local[2,4] allows four attempts) leaves exactly the
 * output of a clean run: the same rows, each once.
 */
class RetryDeterminismTest {
  @TempDir Path dir;

  private static List<Row> sorted(SparkSession spark, Path table) {
    Dataset<Row> rows = spark.read().parquet(table.toString());
    return rows.orderBy(functions.col("id"), functions.col(rows.columns()[1])).collectAsList();
  }

  private void check(String stage, String table, String... extra) {
    Path clean = dir.resolve(stage + "-clean");
    Path retried = dir.resolve(stage + "-retried");
    String[] base = {"run.stages=[" + stage + "]", "corpus.limit=16"};
    SparkSession spark = SparkTests.session("clean", "local[2]");
    List<Row> expected;
    try {
      new Pipeline(spark, RunConfigs.quick(clean, concat(base, extra))).run();
      expected = sorted(spark, clean.resolve(table));
    } finally {
      SparkTests.stop(spark);
    }
    spark = SparkTests.session("retried", "local[2,4]");
    try {
      String[] failing = concat(concat(base, extra), "testing.fail-once-stage=" + stage, "testing.fail-once-partition=1");
      new Pipeline(spark, RunConfigs.quick(retried, failing)).run();
      List<Row> actual = sorted(spark, retried.resolve(table));
      assertEquals(expected.size(), actual.size());
      assertEquals(expected, actual);
      Dataset<Row> written = spark.read().parquet(retried.resolve(table).toString());
      assertEquals(written.count(), written.select("id", written.columns()[1]).distinct().count(), "duplicates");
    } finally {
      SparkTests.stop(spark);
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void shiftWithGeneratedAnswersSurvivesAFailedTask() {
    check("shift", "shift/examples", "shift.answers=generate");
  }

  @Test
  void sampledBranchingSurvivesAFailedTask() {
    check("bf", "bf/prompts");
  }
}
