package io.alignscope.jobs.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.alignscope.jobs.testing.SparkTests;
import org.junit.jupiter.api.TestInstance;

/** One light local[2] SparkSession per test class, plus helpers for corpus files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IngestSparkTestBase {

  protected SparkSession spark;
  protected CorpusReader reader;

  @BeforeAll
  void startSpark() {
    spark = SparkTests.session(getClass().getSimpleName(), "local[2]");
    reader = new CorpusReader(spark);
  }

  @AfterAll
  void stopSpark() {
    SparkTests.stop(spark);
  }

  static Path write(Path file, List<String> lines) throws IOException {
    return Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** /work/shared/data: the shared corpora, found from the jobs module directory. */
  static Path sharedData() {
    return SparkTests.sharedData();
  }

  /** Accepted rows keyed by id. */
  static Map<String, Row> byId(List<Row> rows) {
    Map<String, Row> map = new TreeMap<>();
    rows.forEach(r -> map.put(r.getAs(CanonicalSchema.ID), r));
    return map;
  }
}
