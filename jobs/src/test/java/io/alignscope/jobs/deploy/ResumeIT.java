package io.alignscope.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * run.mode = resume through alignscope-submit (local profile, separate driver JVMs): a first run over
 * 10 prompts, then a resumed run over the same 10 plus 4 new ones adds exactly the 4 new rows to
 * shift/examples, leaves the first run's rows and Parquet files as they were, and recomputes the
 * summaries over all 14; a third, identical resumed run (what an Airflow retry does) adds nothing.
 * One prompt is too long for the models and is rejected by the shift stage on every run.
 */
class ResumeIT {
  private static final String LONG_ID = "too-long-for-the-models";

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void resumeAddsOnlyNewIdsAndRecomputesSummaries() throws IOException {
    Path dir = ItEnvironment.scratch("resume");
    Path output = dir.resolve("out");
    Path first = corpus(dir.resolve("corpus-10.jsonl"), 10);
    Path second = corpus(dir.resolve("corpus-14.jsonl"), 14);

    run(dir, "first", first, output, "overwrite");
    List<Row> firstRows;
    Map<String, Long> firstFiles = parquetFiles(output.resolve("shift/examples"));
    try (RunOutputs run = new RunOutputs(output)) {
      assertEquals(ItCorpus.ids(0, 10), run.idsOnce("shift/examples", "id"));
      firstRows = sortedRows(run, "shift/examples");
      assertSummaryCovers(run, 10);
      assertEquals(1, run.count("rejects/stage=shift"), "the long prompt is rejected by the shift stage");
    }

    String resumed = run(dir, "resumed", second, output, "resume");
    assertTrue(resumed.contains("shift: resuming, skipping ids already in"), "the second run did not resume");
    Set<String> all = ItCorpus.ids(0, 14);
    try (RunOutputs run = new RunOutputs(output)) {
      assertEquals(all, run.idsOnce("shift/examples", "id"));
      assertEquals(14, run.count("shift/examples"));
      List<Row> kept = sortedRows(run, "shift/examples").stream()
          .filter(r -> ItCorpus.ids(0, 10).contains(r.<String>getAs("id"))).toList();
      assertEquals(firstRows, kept, "the first run's rows changed");
      assertSummaryCovers(run, 14);
      assertEquals(14, run.manifest().path("outputs").path("shift/examples").path("rows").asLong());
      assertEquals("resume", run.manifest().path("config").path("run").path("mode").asText());
      assertEquals(1, run.count("rejects/stage=shift"), "a resumed run must not add the same reject again");
    }
    Map<String, Long> secondFiles = parquetFiles(output.resolve("shift/examples"));
    firstFiles.forEach((name, size) -> assertEquals(size, secondFiles.get(name), "first run's file " + name));
    assertTrue(secondFiles.size() > firstFiles.size(), "the resumed run wrote no new file");

    run(dir, "rerun", second, output, "resume");
    try (RunOutputs run = new RunOutputs(output)) {
      assertEquals(14, run.count("shift/examples"), "an identical resumed run must add nothing");
      assertEquals(all, run.idsOnce("shift/examples", "id"));
      assertSummaryCovers(run, 14);
      assertEquals(1, run.count("rejects/stage=shift"));
    }
  }

  /** Sample prompts [0, n) plus one prompt longer than corpus.max-prompt-tokens allows. */
  private static Path corpus(Path file, int n) throws IOException {
    ItCorpus.write(file, 0, n);
    String longPrompt = "Please explain this again, slowly: " + "the garden needs water every day. ".repeat(60);
    Files.writeString(file, "{\"id\": \"" + LONG_ID + "\", \"prompt\": \"" + longPrompt + "\"}\n",
        java.nio.file.StandardOpenOption.APPEND);
    return file;
  }

  private static String run(Path dir, String name, Path corpus, Path output, String mode) {
    List<String> args = new ArrayList<>(List.of("--profile", "local", "--conf", "spark.master=local[2]"));
    args.addAll(AlignscopeSubmit.smallDriver());
    args.addAll(List.of("--conf", "spark.driver.memory=2g", "run",
        "--set", "corpus.path=" + corpus,
        "--set", "run.output=" + output,
        "--set", "run.mode=" + mode,
        "--set", "run.stages=[shift]",
        "--set", "corpus.max-prompt-tokens=200",
        "--set", "spark.partitions=4",
        "--set", "models.cache-dir=" + dir.resolve("model-cache")));
    args.addAll(TinyModels.get().overrides());
    try (ManagedProcess driver = AlignscopeSubmit.start(args, Map.of(), dir, dir.resolve(name + ".log"))) {
      int code = driver.waitFor(Duration.ofMinutes(4));
      assertEquals(0, code, name + " run failed:\n" + driver.tail(60));
      return driver.log();
    }
  }

  private static List<Row> sortedRows(RunOutputs run, String table) {
    return run.table(table).orderBy(functions.col("id")).collectAsList();
  }

  /** shift/summary counts exactly the examples in shift/examples, and all their answer tokens. */
  private static void assertSummaryCovers(RunOutputs run, long examples) {
    Row summary = run.table("shift/summary").first();
    assertEquals(examples, ((Number) summary.getAs("examples")).longValue(), "shift/summary examples");
    long tokens = run.table("shift/examples").agg(functions.sum("answer_tokens")).first().getLong(0);
    assertEquals(tokens, ((Number) summary.getAs("positions")).longValue(), "shift/summary positions");
  }

  private static Map<String, Long> parquetFiles(Path table) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(table)) {
      for (Path p : paths.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
        files.put(p.getFileName().toString(), Files.size(p));
      }
    }
    return files;
  }
}
