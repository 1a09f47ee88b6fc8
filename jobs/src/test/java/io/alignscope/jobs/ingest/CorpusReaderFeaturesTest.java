package io.alignscope.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
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
                chat(
                    "m1",
                    turn("system", "Be brief."),
                    turn("user", "Hi?"),
                    turn("assistant", "Hello.")),
                chat(null, turn("user", "Only question")),
                chat("m3", turn("user", "q"), turn("assistant", "a"), turn("assistant", "b")),
                chat("m4", "{\"role\":\"user\"}"),
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

    Map<String, String> details = details(result, RejectsSchema.ID);
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
    Map<String, String> rejects = details(result, RejectsSchema.ORIGIN);
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
            List.of(
                "{\"prompt\":\"1\"}",
                "{\"prompt\":\"2\"}",
                "{\"prompt\":\"\"}",
                "{\"prompt\":\"4\"}"));
    IngestResult result =
        reader.read(CorpusOptions.builder().setPath(file.toString()).optLimit(2).build());
    assertEquals(2, result.counts().inputRows());
    assertEquals(2, result.accepted().count() + result.rejects().count());
  }

  @Test
  void countsAndOutputsComeFromTheCacheNotTheFiles() throws IOException {
    Path file =
        write(
            dir.resolve("once.jsonl"), List.of("{\"prompt\":\"a\"}", "{\"prompt\":\"\"}", "oops"));
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
          "embedded corpus resource /io/alignscope/jobs/sample/prompts.jsonl is not on the"
              + " classpath",
          assertThrows(IllegalArgumentException.class, () -> reader.read(sample)).getMessage());
      return;
    }
    long lines;
    try (resource) {
      lines =
          new String(resource.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank())
              .count();
    }
    IngestCounts counts = reader.read(sample).counts();
    assertEquals(lines, counts.inputRows());
    assertEquals(lines, counts.acceptedRows(), "the shipped sample should be clean: " + counts);
  }

  /** A position as the origin tells it, and the line the record really came from. */
  private record Position(long splitOffset, long n, long line) {}

  @Test
  void splitFilesNumberRecordsPerSplitInFileOrder() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      lines.add("{\"id\":\"" + (i == 45 ? 7 : i) + "\",\"prompt\":\"line " + i + "\"}");
    }
    Path file = write(dir.resolve("split.jsonl"), lines);
    spark.conf().set("spark.sql.files.maxPartitionBytes", "256"); // about 8 lines per split
    try {
      IngestResult result = reader.read(CorpusOptions.of(file.toString()));
      Pattern origin = Pattern.compile("file:.*split\\.jsonl(?:@(\\d+))?#(\\d+)");
      List<Position> positions = new ArrayList<>();
      for (Row row : result.accepted().collectAsList()) {
        Matcher m = origin.matcher(row.getAs(CanonicalSchema.ORIGIN));
        assertTrue(m.matches(), row.toString());
        positions.add(
            new Position(
                m.group(1) == null ? 0 : Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)),
                Long.parseLong(row.<String>getAs(CanonicalSchema.PROMPT).substring(5))));
      }
      positions.sort(
          Comparator.comparingLong(Position::splitOffset).thenComparingLong(Position::n));
      assertTrue(positions.get(positions.size() - 1).splitOffset() > 0, "the file was not split");
      // Ordered by (split offset, n), the records are the file's lines in order; 45 was a
      // duplicate.
      assertEquals(
          LongStream.rangeClosed(1, 60).filter(i -> i != 45).boxed().toList(),
          positions.stream().map(Position::line).toList());
      assertEquals(
          "id '7' already taken by file:" + file + "#7",
          result.rejects().first().getAs(RejectsSchema.DETAIL));
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
    }
  }

  @Test
  void stableIdFunctionAgreesWithIngestion() throws IOException {
    Path file =
        write(
            dir.resolve("noid.jsonl"), List.of("{\"prompt\":\"What is 2+2?\",\"response\":\"4\"}"));
    Row row = reader.read(CorpusOptions.of(file.toString())).accepted().first();
    assertEquals("h05255d521593a629", row.getAs(CanonicalSchema.ID));
    StableIdUdf.register(spark);
    Row sql =
        spark
            .sql(
                "select stable_id('What is 2+2?', '4', null, null), stable_id(null, 'r', null,"
                    + " null)")
            .first();
    assertEquals("h05255d521593a629", sql.getString(0));
    assertTrue(sql.isNullAt(1));
    Row column =
        spark
            .read()
            .json(file.toString())
            .select(StableIdUdf.column(col("prompt"), col("response"), lit(null), lit(null)))
            .first();
    assertEquals("h05255d521593a629", column.getString(0));
  }

  /** Reject details keyed by another rejects column. */
  private static Map<String, String> details(IngestResult result, String keyColumn) {
    Map<String, String> details = new TreeMap<>();
    for (Row r : result.rejects().collectAsList()) {
      details.put(r.getAs(keyColumn), r.getAs(RejectsSchema.DETAIL));
    }
    return details;
  }

  private static String chat(String id, String... turns) {
    String idField = id == null ? "" : "\"id\":\"" + id + "\",";
    return "{" + idField + "\"messages\":[" + String.join(",", turns) + "]}";
  }

  private static String turn(String role, String content) {
    return "{\"role\":\"" + role + "\",\"content\":\"" + content + "\"}";
  }
}
