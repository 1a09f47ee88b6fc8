package io.alignscope.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alignscope.jobs.testing.RunConfigs;
import io.alignscope.jobs.testing.SparkTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run over a corpus with broken lines: every model stage writes its tables, rejects are
 * counted per stage and reason, and the manifest's counts match the tables.
 */
class PipelineRunTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static JsonNode manifest;

  @BeforeAll
  static void run() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      lines.add("{\"id\":\"q" + i + "\",\"prompt\":\"How do I water a garden in summer, part " + i + "?\"}");
    }
    lines.add("{\"id\":\"broken\",\"prompt\":\"no closing brace\"");
    lines.add("{\"id\":\"empty\",\"prompt\":\"  \"}");
    lines.add("{\"id\":\"huge\",\"prompt\":\"" + "word ".repeat(4000) + "\"}");
    lines.add("{\"id\":\"q1\",\"prompt\":\"a second row with a used id\"}");
    lines.add("{\"id\":\"longish\",\"prompt\":\"" + "garden ".repeat(200) + "\"}");
    Path corpus = Files.write(dir.resolve("corpus.jsonl"), lines);
    spark = SparkTests.session("PipelineRunTest", "local[2]");
    new Pipeline(spark, RunConfigs.quick(dir.resolve("out"), "corpus.path=" + corpus,
        "run.stages=[shift, bf, nudge]", "corpus.max-prompt-tokens=150")).run();
    manifest = new ObjectMapper().readTree(dir.resolve("out/manifest.json").toFile());
  }

  @AfterAll
  static void stop() {
    SparkTests.stop(spark);
  }

  @Test
  void rejectsAreCountedPerStageAndReason() {
    JsonNode counts = manifest.path("counts");
    assertEquals(17, counts.path("input_rows").asLong());
    assertEquals(13, counts.path("accepted_rows").asLong());
    JsonNode ingest = counts.path("rejects").path("ingest");
    assertEquals(1, ingest.path("malformed").asLong());
    assertEquals(1, ingest.path("empty-prompt").asLong());
    assertEquals(1, ingest.path("prompt-too-long").asLong());
    assertEquals(1, ingest.path("duplicate-id").asLong());
    for (String stage : new String[] {"shift", "bf", "nudge"}) {
      assertEquals(1, counts.path("rejects").path(stage).path("prompt-too-many-tokens").asLong(), stage);
    }
    List<Row> reject = spark.read().parquet(dir.resolve("out/rejects").toString())
        .filter("stage = 'shift'").collectAsList();
    assertEquals("longish", reject.get(0).getAs("id"));
    assertTrue(reject.get(0).<String>getAs("detail").contains("limit 150"), reject.get(0).<String>getAs("detail"));
    assertTrue(reject.get(0).<String>getAs("raw").contains("\"id\":\"longish\""));
  }

  @Test
  void everyTableIsWrittenAndTheManifestCountsMatch() {
    JsonNode outputs = manifest.path("outputs");
    for (String table : new String[] {"shift/examples", "bf/prompts", "nudge/outputs", "corpus"}) {
      long rows = spark.read().parquet(dir.resolve("out").resolve(table).toString()).count();
      assertEquals(rows, outputs.path(table).path("rows").asLong(), table);
    }
    assertEquals(12, outputs.path("shift/examples").path("rows").asLong());
    assertEquals(36, outputs.path("bf/prompts").path("rows").asLong(), "12 prompts x base, aligned, nudged");
    for (String table : new String[] {"shift/summary", "shift/by_position", "shift/by_relative_position",
        "shift/top_tokens", "bf/summary", "bf/curves", "nudge/summary"}) {
      assertTrue(spark.read().parquet(dir.resolve("out").resolve(table).toString()).count() > 0, table);
    }
    assertEquals(2, manifest.path("models").size());
    assertEquals("embedded:tiny-base", manifest.path("models").get(0).path("location").asText());
    assertEquals(64, manifest.path("models").get(0).path("fingerprint").asText().length());
    assertEquals("3.5.7", manifest.path("versions").path("spark").asText());
    assertEquals(4, manifest.path("config").path("bf").path("samples").asInt());
  }

  @Test
  void branchingFactorTablesAreConsistent() {
    List<Row> summary = spark.read().parquet(dir.resolve("out/bf/summary").toString()).orderBy("model").collectAsList();
    assertEquals(List.of("aligned", "base", "nudged"), summary.stream().map(r -> r.<String>getAs("model")).toList());
    for (Row r : summary) {
      double mean = spark.read().parquet(dir.resolve("out/bf/prompts").toString())
          .filter("model = '" + r.getAs("model") + "'").agg(org.apache.spark.sql.functions.avg("bf")).first().getDouble(0);
      assertEquals(mean, r.<Double>getAs("dataset_bf"), 1e-9);
      assertTrue(r.<Double>getAs("dataset_bf") >= 1.0);
    }
  }
}
