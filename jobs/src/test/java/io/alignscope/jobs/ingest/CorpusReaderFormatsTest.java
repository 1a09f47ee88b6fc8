package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same three records in every format give the same rows and ids: a plain record, one without id
 * whose text holds a comma, a newline and quotes, and one with a blank prompt.
 */
class CorpusReaderFormatsTest extends IngestSparkTestBase {

  private static final String TRICKY_PROMPT = "Has, a comma\nand a newline";
  private static final String TRICKY_RESPONSE = "Said \"hi\"";
  private static final String TRICKY_ID =
      StableId.derive(TRICKY_PROMPT, TRICKY_RESPONSE, null, null);

  @TempDir Path dir;

  @Test
  void jsonLines() throws IOException {
    Path file =
        write(
            dir.resolve("c.jsonl"),
            List.of(
                "{\"id\":\"a1\",\"prompt\":\"Plain question\",\"response\":\"Plain"
                    + " answer\",\"source\":\"s\"}",
                "{\"prompt\":\"Has, a comma\\nand a newline\",\"response\":\"Said \\\"hi\\\"\"}",
                "{\"id\":\"a3\",\"prompt\":\"   \"}"));
    assertThreeRecords(read(file.toString()), "file:" + file);
  }

  @Test
  void jsonArray() throws IOException {
    Path file =
        write(
            dir.resolve("c.json"),
            "[\n"
                + "  {\"id\": \"a1\", \"prompt\": \"Plain question\", \"response\": \"Plain"
                + " answer\", \"source\": \"s\"},\n"
                + "  {\"prompt\": \"Has, a comma\\n"
                + "and a newline\", \"response\": \"Said \\\"hi\\\"\"},\n"
                + "  {\"id\": \"a3\", \"prompt\": \"   \"}\n"
                + "]\n");
    assertThreeRecords(read(file.toString()), "file:" + file);
  }

  @Test
  void aBrokenJsonArrayFileIsOneMalformedRecordWithItsText() throws IOException {
    String broken = "[{\"prompt\": \"a\"},\n {\"prompt\": ";
    Path dirWithTwo = Files.createDirectory(dir.resolve("arrays"));
    write(dirWithTwo.resolve("good.json"), "[{\"prompt\": \"fine\"}]");
    Path bad = write(dirWithTwo.resolve("broken.json"), broken);
    IngestResult result = read(dirWithTwo.toString());
    assertEquals(1, result.counts().acceptedRows());
    assertEquals(Map.of("malformed", 1L), result.counts().rejectedByReason());
    Row reject = result.rejects().first();
    assertEquals(broken, reject.getAs(RejectsSchema.RAW));
    assertEquals("file:" + bad + "#1", reject.getAs(RejectsSchema.ORIGIN));
    assertEquals("file is not a valid JSON array of objects", reject.getAs(RejectsSchema.DETAIL));
  }

  @Test
  void parquetDirectoryWrittenBySpark() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("prompt", DataTypes.StringType)
            .add("response", DataTypes.StringType)
            .add("source", DataTypes.StringType);
    List<Row> rows =
        List.of(
            RowFactory.create("a1", "Plain question", "Plain answer", "s"),
            RowFactory.create(null, TRICKY_PROMPT, TRICKY_RESPONSE, null),
            RowFactory.create("a3", "   ", null, null));
    String out = dir.resolve("parquet").toString();
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(out);
    IngestResult result = read(out);
    String origin = result.accepted().filter("id = 'a1'").first().getAs(CanonicalSchema.ORIGIN);
    assertTrue(origin.matches("file:" + out + "/part-00000-.*\\.parquet#1"), origin);
    assertThreeRecords(result, origin.substring(0, origin.length() - 2));
    // Parquet has no text form: the raw payload is the row rendered as JSON.
    assertEquals(
        "{\"id\":\"a3\",\"prompt\":\"   \"}", result.rejects().first().getAs(RejectsSchema.RAW));
  }

  @Test
  void csvWithQuotedCommasNewlinesAndQuotes() throws IOException {
    Path file =
        write(
            dir.resolve("c.csv"),
            "id,prompt,response,source\n"
                + "a1,Plain question,Plain answer,s\n"
                + ",\"Has, a comma\nand a newline\",\"Said \"\"hi\"\"\",\n"
                + "a3,   ,,\n");
    assertThreeRecords(read(file.toString()), "file:" + file);
  }

  @Test
  void tsvUsesTabs() throws IOException {
    Path file = write(dir.resolve("c.tsv"), "id\tprompt\nt1\tA question, with a comma\n");
    Row row = read(file.toString()).accepted().first();
    assertEquals("t1", row.getAs(CanonicalSchema.ID));
    assertEquals("A question, with a comma", row.getAs(CanonicalSchema.PROMPT));
  }

  @Test
  void csvWithMappedColumnsAndABrokenRecord() throws IOException {
    String broken = "too,many,fields,here";
    Path file =
        write(
            dir.resolve("mapped.csv"),
            "instruction,output,tag\n"
                + "Summarise the text.,A summary.,demo\n"
                + broken
                + "\n"
                + "\"Quoted, instruction\",Out,demo\n");
    CorpusOptions options =
        CorpusOptions.builder()
            .setPath(file.toString())
            .optColumns(ColumnMapping.parse("prompt=instruction,response=output,source=tag"))
            .build();
    IngestResult result = reader.read(options);
    assertEquals(Map.of("malformed", 1L), result.counts().rejectedByReason());
    assertEquals(2, result.counts().acceptedRows());
    Row reject = result.rejects().first();
    assertEquals(broken, reject.getAs(RejectsSchema.RAW));
    assertEquals("file:" + file + "#2", reject.getAs(RejectsSchema.ORIGIN));
    assertEquals(
        "CSV record has the wrong number of fields or broken quoting",
        reject.getAs(RejectsSchema.DETAIL));
    Row quoted = result.accepted().filter("origin like '%#3'").first();
    assertEquals("Quoted, instruction", quoted.getAs(CanonicalSchema.PROMPT));
    assertEquals("Out", quoted.getAs(CanonicalSchema.RESPONSE));
    assertEquals("demo", quoted.getAs(CanonicalSchema.SOURCE));
  }

  private IngestResult read(String path) {
    return reader.read(CorpusOptions.of(path));
  }

  private static void assertThreeRecords(IngestResult result, String file) {
    IngestCounts counts = result.counts();
    assertEquals(3, counts.inputRows());
    assertEquals(2, counts.acceptedRows());
    assertEquals(Map.of("empty-prompt", 1L), counts.rejectedByReason());

    Map<String, Row> accepted = byId(result.accepted().collectAsList());
    assertEquals(List.of("a1", TRICKY_ID), List.copyOf(accepted.keySet()));
    Row plain = accepted.get("a1");
    assertEquals("Plain question", plain.getAs(CanonicalSchema.PROMPT));
    assertEquals("Plain answer", plain.getAs(CanonicalSchema.RESPONSE));
    assertEquals("s", plain.getAs(CanonicalSchema.SOURCE));
    assertEquals(file + "#1", plain.getAs(CanonicalSchema.ORIGIN));
    Row tricky = accepted.get(TRICKY_ID);
    assertEquals(TRICKY_PROMPT, tricky.getAs(CanonicalSchema.PROMPT));
    assertEquals(TRICKY_RESPONSE, tricky.getAs(CanonicalSchema.RESPONSE));
    assertNull(tricky.getAs(CanonicalSchema.SOURCE));
    assertEquals(file + "#2", tricky.getAs(CanonicalSchema.ORIGIN));

    Row reject = result.rejects().first();
    assertEquals("a3", reject.getAs(RejectsSchema.ID));
    assertEquals("prompt is blank (3 whitespace characters)", reject.getAs(RejectsSchema.DETAIL));
    assertEquals(file + "#3", reject.getAs(RejectsSchema.ORIGIN));
  }
}
