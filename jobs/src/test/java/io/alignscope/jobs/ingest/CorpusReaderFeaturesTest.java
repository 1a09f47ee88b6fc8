package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat and preference input, directories, duplicates across files, limits, caching, sample. */
class CorpusReaderFeaturesTest extends IngestSparkTestBase {

  @TempDir Path dir;

  @Test
  void chatMessages() throws IOException {
    Path file =
        write(
            dir.resolve("chat.jsonl"),
            List.of(
                "{\"id\":\"m1\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                    + "{\"role\":\"user\",\"content\":\"Hi?\"},{\"role\":\"assistant\",\"content\":\"Hello.\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Only question\"}]}",
                "{\"id\":\"m3\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
                    + "{\"role\":\"assistant\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"}]}",
                "{\"id\":\"m4\",\"messages\":[{\"role\":\"user\"}]}",
                "{\"id\":\"m5\"}"));
    IngestResult result = reader.read(CorpusOptions.of(file.toString()));

    assertEquals(
        Map.of("missing-prompt", 1L, "bad-messages", 2L), result.counts().rejectedByReason());
    Map<String, Row> accepted = byId(result.accepted().collectAsList());
    Row m1 = accepted.get("m1");
    assertEquals("Hi?", m1.getAs(CanonicalSchema.PROMPT));
    assertEquals("Hello.", m1.getAs(CanonicalSchema.RESPONSE));
    List<Row> context = m1.getList(m1.fieldIndex(CanonicalSchema.MESSAGES));
    assertEquals(2, context.size());
    assertEquals("system", context.get(0).getAs(CanonicalSchema.ROLE));
    assertEquals("Hi?", context.get(1).getAs(CanonicalSchema.CONTENT));
    // A lone user turn hashes like a plain prompt, so chat and plain corpora share ids.
    Row single = accepted.get(StableId.derive("Only question", null, null, null));
    assertNull(single.getAs(CanonicalSchema.RESPONSE));

    Map<String, String> details = detailsById(result);
    assertEquals(
        "messages have 2 turns after the last user turn, expected at most one assistant turn",
        details.get("m3"));
    assertEquals("messages[0] has no string 'content'", details.get("m4"));
    assertEquals("prompt is missing and there are no messages", details.get("m5"));
  }

  @Test
  void preferencePairs() throws IOException {
    Path file =
        write(
            dir.resolve("pref.jsonl"),
            List.of("{\"prompt\":\"p\",\"chosen\":\"good\",\"rejected\":\"bad\"}"));
    Row row = reader.read(CorpusOptions.of(file.toString())).accepted().first();
    assertEquals("h166634ca88f90599", row.getAs(CanonicalSchema.ID));
    assertEquals("good", row.getAs(CanonicalSchema.CHOSEN));
    assertEquals("bad", row.getAs(CanonicalSchema.REJECTED));
  }

  @Test
  void directoryOfFilesKeepsTheFirstIdByFileNameThenLine() throws IOException {
    Path corpus = Files.createDirectory(dir.resolve("corpus"));
    write(corpus.resolve("b.jsonl"), List.of("{\"id\":\"x\",\"prompt\":\"from b\"}"));
    write(
        corpus.resolve("a.jsonl"),
        List.of(
            "{\"id\":\"y\",\"prompt\":\"first y\"}",
            "{\"id\":\"x\",\"prompt\":\"from a\"}",
            "{\"id\":\"y\",\"prompt\":\"second y\"}"));
    write(corpus.resolve("_SUCCESS"), "");
    IngestResult result = reader.read(CorpusOptions.of(corpus.toString()));

    Map<String, Row> accepted = byId(result.accepted().collectAsList());
    assertEquals("from a", accepted.get("x").getAs(CanonicalSchema.PROMPT));
    assertEquals("first y", accepted.get("y").getAs(CanonicalSchema.PROMPT));
    String a = "file:" + corpus.resolve("a.jsonl");
    Map<String, String> rejects = detailsByOrigin(result);
    assertEquals(
        Map.of(
            "file:" + corpus.resolve("b.jsonl") + "#1", "id 'x' already taken by " + a + "#2",
            a + "#3", "id 'y' already taken by " + a + "#1"),
        rejects);
  }

  @Test
  void limitCountsInputRecords() throws IOException {
    Path file =
        write(
            dir.resolve("five.jsonl"),
            List.of("{\"prompt\":\"1\"}", "{\"prompt\":\"2\"}", "{\"prompt\":\"\"}", "{\"prompt\":\"4\"}"));
    IngestResult result =
        reader.read(CorpusOptions.builder().setPath(file.toString()).optLimit(2).build());
    assertEquals(2, result.counts().inputRows());
    assertEquals(2, result.accepted().count() + result.rejects().count());
  }

  @Test
  void countsAndOutputsComeFromTheCacheNotTheFiles() throws IOException {
    Path file =
        write(dir.resolve("once.jsonl"), List.of("{\"prompt\":\"a\"}", "{\"prompt\":\"\"}", "oops"));
    IngestResult result = reader.read(CorpusOptions.of(file.toString()));
    assertEquals(3, result.counts().inputRows());
    Files.delete(file); // reading the input again would now fail
    assertEquals(1, result.accepted().count());
    assertEquals(2, result.rejects().collectAsList().size());
    assertEquals(result.counts(), result.counts());
    result.close();
  }

  @Test
  void embeddedSampleIsReadFromTheClasspath() {
    CorpusReader withStandIn = new CorpusReader(spark, "/ingest/sample-prompts.jsonl");
    IngestResult result = withStandIn.read(CorpusOptions.of(CorpusOptions.EMBEDDED_SAMPLE));
    assertEquals(5, result.counts().acceptedRows());
    assertEquals(5, result.counts().inputRows());
    Row s4 = byId(result.accepted().collectAsList()).get("s4");
    assertEquals("embedded:sample#4", s4.getAs(CanonicalSchema.ORIGIN));
    assertEquals("Write a haiku about rain.", s4.getAs(CanonicalSchema.PROMPT));
  }

  @Test
  void theRealEmbeddedSampleWhenItShipsOrAClearError() throws IOException {
    CorpusOptions sample = CorpusOptions.of(CorpusOptions.EMBEDDED_SAMPLE);
    var resource = CorpusReader.class.getResourceAsStream(CorpusOptions.EMBEDDED_SAMPLE_RESOURCE);
    if (resource == null) {
      assertEquals(
          "embedded corpus resource /io/alignscope/jobs/sample/prompts.jsonl is not on the classpath",
          assertThrows(IllegalArgumentException.class, () -> reader.read(sample)).getMessage());
      return;
    }
    long lines;
    try (resource) {
      lines = new String(resource.readAllBytes(), "UTF-8").lines().filter(l -> !l.isBlank()).count();
    }
    IngestCounts counts = reader.read(sample).counts();
    assertEquals(lines, counts.inputRows());
    assertEquals(lines, counts.acceptedRows(), "the shipped sample should be clean: " + counts);
  }

  @Test
  void splitFilesNumberRecordsPerSplitInFileOrder() throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      lines.add("{\"id\":\"" + (i == 45 ? 7 : i) + "\",\"prompt\":\"line " + i + "\"}");
    }
    Path file = write(dir.resolve("split.jsonl"), lines);
    spark.conf().set("spark.sql.files.maxPartitionBytes", "256"); // about 8 lines per split
    try {
      IngestResult result = reader.read(CorpusOptions.of(file.toString()));
      List<Row> accepted = result.accepted().collectAsList();
      List<long[]> positions = new java.util.ArrayList<>();
      for (Row row : accepted) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("file:.*split\\.jsonl(?:@(\\d+))?#(\\d+)")
                .matcher(row.getAs(CanonicalSchema.ORIGIN));
        assertTrue(m.matches(), row.toString());
        long block = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long line = Long.parseLong(row.<String>getAs(CanonicalSchema.PROMPT).substring(5));
        positions.add(new long[] {block, Long.parseLong(m.group(2)), line});
      }
      positions.sort(java.util.Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
      assertTrue(positions.get(positions.size() - 1)[0] > 0, "the file was not split");
      // Ordered by (split offset, n), the records are the file's lines in order, 45 missing.
      List<Long> order = positions.stream().map(p -> p[2]).toList();
      List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 60).filter(i -> i != 45).boxed().toList();
      assertEquals(expected, order);
      Row duplicate = result.rejects().first();
      assertTrue(duplicate.<String>getAs(RejectsSchema.DETAIL).matches("id '7' already taken by file:.*split\\.jsonl#7"),
          duplicate.toString());
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
    }
  }

  @Test
  void stableIdFunctionAgreesWithIngestion() throws IOException {
    Path file = write(dir.resolve("noid.jsonl"), List.of("{\"prompt\":\"What is 2+2?\",\"response\":\"4\"}"));
    Row row = reader.read(CorpusOptions.of(file.toString())).accepted().first();
    assertEquals("h05255d521593a629", row.getAs(CanonicalSchema.ID));
    StableIdUdf.register(spark);
    Row sql =
        spark.sql("select stable_id('What is 2+2?', '4', null, null), stable_id(null, 'r', null, null)").first();
    assertEquals("h05255d521593a629", sql.getString(0));
    assertTrue(sql.isNullAt(1));
    Row column =
        spark
            .read()
            .json(file.toString())
            .select(
                StableIdUdf.column(
                    org.apache.spark.sql.functions.col("prompt"),
                    org.apache.spark.sql.functions.col("response"),
                    org.apache.spark.sql.functions.lit(null),
                    org.apache.spark.sql.functions.lit(null)))
            .first();
    assertEquals("h05255d521593a629", column.getString(0));
  }

  private static Map<String, String> detailsById(IngestResult result) {
    Map<String, String> details = new java.util.TreeMap<>();
    result.rejects().collectAsList().forEach(r -> details.put(r.getAs(RejectsSchema.ID), r.getAs(RejectsSchema.DETAIL)));
    return details;
  }

  private static Map<String, String> detailsByOrigin(IngestResult result) {
    Map<String, String> details = new java.util.TreeMap<>();
    result.rejects().collectAsList().forEach(r -> details.put(r.getAs(RejectsSchema.ORIGIN), r.getAs(RejectsSchema.DETAIL)));
    return details;
  }
}
