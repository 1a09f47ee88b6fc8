package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Options, column mappings and paths, formats: plain values, no Spark. */
class CorpusOptionsTest {

  @Test
  void defaults() {
    CorpusOptions o = CorpusOptions.of("s3a://bucket/corpus/*.jsonl");
    assertEquals(CorpusFormat.AUTO, o.format());
    assertEquals(ColumnMapping.defaults(), o.columns());
    assertEquals(0, o.limit());
    assertEquals(16_000, o.maxPromptChars());
    assertEquals(32_000, o.maxResponseChars());
    assertTrue(o.csvHeader());
    assertNull(o.csvDelimiter());
    assertFalse(o.isEmbeddedSample());
    assertTrue(CorpusOptions.of(CorpusOptions.EMBEDDED_SAMPLE).isEmbeddedSample());
  }

  @Test
  void builderRoundTripsAndSerializes() throws Exception {
    CorpusOptions o =
        CorpusOptions.builder()
            .setPath("/data/a.csv")
            .optFormat(CorpusFormat.CSV)
            .optColumn(CanonicalField.PROMPT, "instruction")
            .optLimit(5)
            .optMaxPromptChars(100)
            .optMaxResponseChars(0)
            .optCsvHeader(false)
            .optCsvDelimiter(";")
            .build();
    assertEquals(o, o.toBuilder().build());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(o, in.readObject());
    }
  }

  @Test
  void rejectsBadValuesNamingThem() {
    assertEquals(
        "corpus path is empty",
        assertThrows(IllegalArgumentException.class, () -> CorpusOptions.of(" ")).getMessage());
    assertEquals(
        "limit must be >= 0, got -1",
        assertThrows(
                IllegalArgumentException.class,
                () -> CorpusOptions.builder().setPath("x").optLimit(-1).build())
            .getMessage());
    assertEquals(
        "maxPromptChars must be >= 0, got -5",
        assertThrows(
                IllegalArgumentException.class,
                () -> CorpusOptions.builder().setPath("x").optMaxPromptChars(-5).build())
            .getMessage());
  }

  @Test
  void columnMappingParsesAndDefaults() {
    ColumnMapping m = ColumnMapping.parse("prompt=instruction, response = instances[0].output");
    assertEquals("instruction", m.sourceFor(CanonicalField.PROMPT));
    assertEquals("instances[0].output", m.sourceFor(CanonicalField.RESPONSE));
    assertEquals("id", m.sourceFor(CanonicalField.ID));
    assertTrue(m.isExplicit(CanonicalField.PROMPT));
    assertFalse(m.isExplicit(CanonicalField.ID));
    assertEquals(
        Map.of(
            CanonicalField.PROMPT, "instruction", CanonicalField.RESPONSE, "instances[0].output"),
        m.explicitEntries());
    assertEquals(ColumnMapping.defaults(), ColumnMapping.parse(""));
  }

  @Test
  void columnMappingErrorsNameTheEntry() {
    assertEquals(
        "bad column mapping entry 'prompt': expected field=column",
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("prompt"))
            .getMessage());
    assertEquals(
        "unknown canonical field 'question', expected one of id, prompt, response, source,"
            + " messages, chosen, rejected",
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("question=q"))
            .getMessage());
    assertEquals(
        "bad column path 'a..b': expected name, name.field or name[0].field",
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("prompt=a..b"))
            .getMessage());
  }

  @Test
  void columnPaths() {
    assertEquals(
        List.of(
            new ColumnPath.Field("instances"),
            new ColumnPath.Index(0),
            new ColumnPath.Field("output")),
        ColumnPath.parse("instances[0].output").segments());
    assertEquals(
        List.of(new ColumnPath.Field("m"), new ColumnPath.Index(2), new ColumnPath.Index(10)),
        ColumnPath.parse("m[2][10]").segments());
    assertTrue(ColumnPath.parse("prompt").isSimple());
    assertThrows(IllegalArgumentException.class, () -> ColumnPath.parse("[0]"));
    assertThrows(IllegalArgumentException.class, () -> ColumnPath.parse("a[x]"));
  }

  @Test
  void formatsFromExtensions() {
    assertEquals(Optional.of(CorpusFormat.JSONL), CorpusFormat.fromFileName("a.jsonl"));
    assertEquals(Optional.of(CorpusFormat.JSONL), CorpusFormat.fromFileName("a.NDJSON.gz"));
    assertEquals(Optional.of(CorpusFormat.JSON), CorpusFormat.fromFileName("a.json"));
    assertEquals(
        Optional.of(CorpusFormat.PARQUET), CorpusFormat.fromFileName("part-0.snappy.parquet"));
    assertEquals(Optional.of(CorpusFormat.CSV), CorpusFormat.fromFileName("a.csv"));
    assertEquals(Optional.of(CorpusFormat.CSV), CorpusFormat.fromFileName("a.TSV"));
    assertTrue(CorpusFormat.isTsv("a.tsv.bz2"));
    assertEquals(Optional.empty(), CorpusFormat.fromFileName("a.txt"));
    assertEquals(CorpusFormat.PARQUET, CorpusFormat.fromName(" Parquet"));
    assertEquals(
        "unsupported corpus format 'xml'; supported: auto, jsonl (.jsonl, .ndjson), json (.json),"
            + " parquet (.parquet), csv (.csv, .tsv)",
        assertThrows(IllegalArgumentException.class, () -> CorpusFormat.fromName("xml"))
            .getMessage());
  }

  @Test
  void rejectReasonLabels() {
    assertEquals(
        List.of(
            "malformed",
            "missing-prompt",
            "empty-prompt",
            "prompt-too-long",
            "response-too-long",
            "bad-messages",
            "duplicate-id"),
        java.util.Arrays.stream(RejectReason.values()).map(RejectReason::label).toList());
    assertEquals(RejectReason.BAD_MESSAGES, RejectReason.fromLabel("bad-messages"));
  }

  @Test
  void countsMustAddUp() {
    IngestCounts c =
        IngestCounts.of(5, Map.of(RejectReason.DUPLICATE_ID, 2L, RejectReason.MALFORMED, 1L));
    assertEquals(8, c.inputRows());
    assertEquals(3, c.rejectedRows());
    assertEquals(List.of("malformed", "duplicate-id"), List.copyOf(c.rejectedByReason().keySet()));
    assertEquals(0, c.rejected(RejectReason.EMPTY_PROMPT));
    assertThrows(
        IllegalStateException.class, () -> new IngestCounts(9, 5, Map.of("malformed", 1L)));
  }
}
