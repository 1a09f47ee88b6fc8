package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSONL corpus with every kind of bad record: exact counts, reasons, details and raw text. */
class CorpusReaderJsonlTest extends IngestSparkTestBase {

  private static final String TRUNCATED = "{\"id\": \"bad1\", \"prompt\": \"unterminated";
  private static final String NOT_JSON = "this is not json at all";
  private static final String TRAILING_COMMA = "{\"id\":\"bad3\",\"prompt\":\"x\",}";

  @TempDir static Path dir;
  private static Path corpus;
  private IngestResult result;
  private Map<String, Row> rejectsByOrigin;

  /**
   * 31 lines: 30 records and 1 blank line. 20 good (g01..g20), 3 malformed, 2 empty prompts, 1
   * missing prompt, 1 prompt over the 100-character limit, 2 identical rows without ids, 1 reuse of
   * id g05.
   */
  @BeforeAll
  void writeCorpus() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      lines.add(
          String.format(
              "{\"id\":\"g%02d\",\"source\":\"test\",\"prompt\":\"Question"
                  + " %d?\",\"response\":\"Answer %d.\"}",
              i, i, i));
      if (i == 4) {
        lines.add(TRUNCATED); // line 5
      }
    }
    lines.add(NOT_JSON); // line 22
    lines.add(""); // line 23: blank, not a record
    lines.add(TRAILING_COMMA); // line 24
    lines.add("{\"id\":\"e1\",\"prompt\":\"\"}"); // 25
    lines.add("{\"id\":\"e2\",\"prompt\":\"   \\t \"}"); // 26
    lines.add("{\"id\":\"m1\",\"response\":\"no prompt here\"}"); // 27
    lines.add("{\"id\":\"long\",\"prompt\":\"" + "x".repeat(101) + "\"}"); // 28
    lines.add("{\"prompt\":\"Same question\",\"response\":\"Same answer\"}"); // 29
    lines.add("{\"prompt\":\"Same question\",\"response\":\"Same answer\"}"); // 30
    lines.add("{\"id\":\"g05\",\"prompt\":\"Another question\",\"response\":\"x\"}"); // 31
    corpus = write(dir.resolve("broken.jsonl"), lines);

    result =
        reader.read(
            CorpusOptions.builder().setPath(corpus.toString()).optMaxPromptChars(100).build());
    rejectsByOrigin = new LinkedHashMap<>();
    for (Row r : result.rejects().collectAsList()) {
      String origin = r.getAs(RejectsSchema.ORIGIN);
      rejectsByOrigin.put(origin.substring(origin.indexOf('#') + 1), r);
    }
  }

  @Test
  void countsEveryRecordOnceWithItsFirstReason() {
    IngestCounts counts = result.counts();
    assertEquals(30, counts.inputRows());
    assertEquals(21, counts.acceptedRows());
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("malformed", 3L);
    expected.put("missing-prompt", 1L);
    expected.put("empty-prompt", 2L);
    expected.put("prompt-too-long", 1L);
    expected.put("duplicate-id", 2L);
    assertEquals(expected, counts.rejectedByReason());
    assertEquals(counts.inputRows(), result.accepted().count() + result.rejects().count());
  }

  @Test
  void rejectsCarryReasonDetailRawOriginAndStage() {
    assertEquals(9, rejectsByOrigin.size());
    assertReject("5", null, "malformed", "line is not a valid JSON object", TRUNCATED);
    assertReject("22", null, "malformed", "line is not a valid JSON object", NOT_JSON);
    assertReject("24", null, "malformed", "line is not a valid JSON object", TRAILING_COMMA);
    assertReject("25", "e1", "empty-prompt", "prompt is empty", null);
    assertReject("26", "e2", "empty-prompt", "prompt is blank (5 whitespace characters)", null);
    assertReject("27", "m1", "missing-prompt", "prompt is missing and there are no messages", null);
    assertReject("28", "long", "prompt-too-long", "prompt has 101 characters, limit 100", null);
    String derived = StableId.derive("Same question", "Same answer", null, null);
    String file = "file:" + corpus;
    assertReject(
        "30",
        derived,
        "duplicate-id",
        "id '" + derived + "' already taken by " + file + "#29",
        null);
    assertReject("31", "g05", "duplicate-id", "id 'g05' already taken by " + file + "#6", null);
  }

  @Test
  void acceptedRowsAreCanonical() throws IOException {
    assertEquals(CanonicalSchema.SCHEMA, result.accepted().schema());
    assertEquals(RejectsSchema.SCHEMA, result.rejects().schema());
    Map<String, Row> accepted = byId(result.accepted().collectAsList());
    Row g05 = accepted.get("g05");
    assertEquals("Question 5?", g05.getAs(CanonicalSchema.PROMPT));
    assertEquals("Answer 5.", g05.getAs(CanonicalSchema.RESPONSE));
    assertEquals("test", g05.getAs(CanonicalSchema.SOURCE));
    assertEquals("file:" + corpus + "#6", g05.getAs(CanonicalSchema.ORIGIN));
    Row same = accepted.get(StableId.derive("Same question", "Same answer", null, null));
    assertEquals("file:" + corpus + "#29", same.getAs(CanonicalSchema.ORIGIN));
  }

  private void assertReject(String line, String id, String reason, String detail, String raw) {
    Row r = rejectsByOrigin.get(line);
    assertTrue(r != null, "no reject at line " + line + ": " + rejectsByOrigin.keySet());
    assertEquals(id, r.getAs(RejectsSchema.ID), "id at line " + line);
    assertEquals(reason, r.getAs(RejectsSchema.REASON), "reason at line " + line);
    assertEquals(detail, r.getAs(RejectsSchema.DETAIL), "detail at line " + line);
    assertEquals("ingest", r.getAs(RejectsSchema.STAGE));
    if (raw != null) {
      assertEquals(raw, r.getAs(RejectsSchema.RAW), "raw at line " + line);
    }
  }
}
