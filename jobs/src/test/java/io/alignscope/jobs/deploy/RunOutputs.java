package io.alignscope.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alignscope.jobs.testing.SparkTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Reads a finished run's folder (written by another process) from the test JVM. */
final class RunOutputs implements AutoCloseable {
  private final SparkSession spark = SparkTests.session("deploy-it-reader", "local[1]");
  private final Path root;

  RunOutputs(Path root) {
    this.root = root;
  }

  Dataset<Row> table(String name) {
    Path path = root.resolve(name);
    assertTrue(Files.isDirectory(path), "table " + name + " missing under " + root);
    assertTrue(Files.exists(path.resolve("_SUCCESS")), "table " + name + " has no _SUCCESS marker");
    return spark.read().parquet(path.toString());
  }

  JsonNode manifest() {
    Path manifest = root.resolve("manifest.json");
    assertTrue(Files.isRegularFile(manifest), "no manifest.json under " + root);
    try {
      return new ObjectMapper().readTree(manifest.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The distinct ids of a table, after checking that {@code key} columns identify each row once. */
  Set<String> idsOnce(String name, String... key) {
    Dataset<Row> table = table(name);
    long rows = table.count();
    long distinct = table.select(key[0], java.util.Arrays.copyOfRange(key, 1, key.length)).distinct().count();
    assertEquals(rows, distinct, name + ": " + (rows - distinct) + " duplicate rows by " + List.of(key));
    Set<String> ids = new HashSet<>();
    for (Row r : table.select(functions.col("id")).distinct().collectAsList()) {
      ids.add(r.getString(0));
    }
    return ids;
  }

  long count(String name) {
    return table(name).count();
  }

  @Override
  public void close() {
    SparkTests.stop(spark);
  }
}
