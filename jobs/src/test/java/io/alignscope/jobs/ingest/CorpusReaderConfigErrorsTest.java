package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration fails fast, with the offending value in the message. */
class CorpusReaderConfigErrorsTest extends IngestSparkTestBase {

  private static final String SUPPORTED =
      "supported: jsonl (.jsonl, .ndjson), json (.json), parquet (.parquet), csv (.csv, .tsv);"
          + " or set the format explicitly";

  @TempDir Path dir;

  @Test
  void missingPathRunsNoJob() throws IOException {
    Path good = write(dir.resolve("good.jsonl"), List.of("{\"prompt\":\"p\"}"));
    String missing = dir.resolve("nope.jsonl").toString();
    assertMessageWithoutJobs("corpus path does not exist: " + missing, () -> read(missing));
    assertMessageWithoutJobs(
        "corpus path does not exist: " + missing, () -> read(good + ", " + missing));
    String glob = dir.resolve("*.parquet").toString();
    assertMessageWithoutJobs("corpus path does not exist: " + glob, () -> read(glob));
  }

  @Test
  void unknownExtensionRunsNoJob() throws IOException {
    Path txt = write(dir.resolve("data.txt"), "hello\n");
    assertMessageWithoutJobs(
        "cannot infer the corpus format of '"
            + txt
            + "' from file extensions (unknown extension:"
            + " data.txt); "
            + SUPPORTED,
        () -> read(txt.toString()));
  }

  @Test
  void directoryMixingFormats() throws IOException {
    Path mixed = Files.createDirectory(dir.resolve("mixed"));
    write(mixed.resolve("a.jsonl"), "{}\n");
    write(mixed.resolve("b.csv"), "prompt\nx\n");
    write(mixed.resolve(".a.jsonl.crc"), "");
    assertMessageWithoutJobs(
        "cannot infer the corpus format of '"
            + mixed
            + "' from file extensions (csv: b.csv;"
            + " jsonl: a.jsonl); "
            + SUPPORTED,
        () -> read(mixed.toString()));
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertMessageWithoutJobs(
        "corpus path has no data files: " + empty, () -> read(empty.toString()));
  }

  @Test
  void missingPromptColumn() throws IOException {
    Path file = write(dir.resolve("q.jsonl"), List.of("{\"question\":\"q\",\"answer\":\"a\"}"));
    assertMessage(
        "corpus '"
            + file
            + "' has no prompt column 'prompt' and no messages column 'messages';"
            + " map one, e.g. prompt=<column> (columns: answer, question)",
        () -> read(file.toString()));
  }

  @Test
  void mappingNamesAColumnThatDoesNotExist() throws IOException {
    Path file =
        write(
            dir.resolve("seed.jsonl"),
            List.of("{\"instruction\":\"i\",\"instances\":[{\"input\":\"\",\"output\":\"o\"}]}"));
    String prefix = "does not resolve in corpus '" + file + "': ";
    assertMessage(
        "column mapping prompt=instruction2 "
            + prefix
            + "no field 'instruction2' in the corpus (fields: instances, instruction)",
        () -> read(file, "prompt=instruction2"));
    assertMessage(
        "column mapping response=instances[0].outptu "
            + prefix
            + "no field 'outptu' in 'instances[0]' (fields: input, output)",
        () -> read(file, "prompt=instruction,response=instances[0].outptu"));
    assertMessage(
        "column mapping response=instruction[0] "
            + prefix
            + "'instruction' is string, not an array",
        () -> read(file, "prompt=instruction,response=instruction[0]"));
  }

  @Test
  void explicitFormatOverridesTheExtension() throws IOException {
    Path file = write(dir.resolve("data.txt"), List.of("{\"prompt\":\"p\"}"));
    CorpusOptions options =
        CorpusOptions.builder().setPath(file.toString()).optFormat(CorpusFormat.JSONL).build();
    assertEquals(1, reader.read(options).counts().acceptedRows());
  }

  private void read(String path) {
    reader.read(CorpusOptions.of(path));
  }

  private void read(Path file, String mapping) {
    reader.read(
        CorpusOptions.builder()
            .setPath(file.toString())
            .optColumns(ColumnMapping.parse(mapping))
            .build());
  }

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  private void assertMessageWithoutJobs(String expected, Executable call) {
    String group = "config-check-" + System.nanoTime();
    spark.sparkContext().setJobGroup(group, "config check", false);
    try {
      assertMessage(expected, call);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
    assertEquals(0, spark.sparkContext().statusTracker().getJobIdsForGroup(group).length);
  }
}
