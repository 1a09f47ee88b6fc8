package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.jobs.cli.AlignscopeCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line: {@code alignscope run} ends by naming the report, and {@code alignscope report}
 * re-renders it from the run folder and its manifest. Each command starts and stops its own session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {
  private static final List<String> SPARK_PROPERTIES = List.of("spark.ui.enabled", "spark.driver.host",
      "spark.sql.shuffle.partitions");
  @TempDir static Path dir;
  private static Path run;
  private static String runOutput;

  @BeforeAll
  void runThePipelineFromTheCommandLine() throws Exception {
    System.setProperty("spark.ui.enabled", "false");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.sql.shuffle.partitions", "2");
    run = dir.resolve("run");
    Result r = execute("run", "--set", "run.output=" + run, "--set", "run.stages=[shift,report]",
        "--set", "corpus.limit=8", "--set", "shift.max-new-tokens=8");
    assertEquals(0, r.code(), r.out());
    runOutput = r.out();
  }

  @AfterAll
  void clearProperties() {
    SPARK_PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void runPrintsWhereTheReportIs() {
    Path report = run.resolve("report").resolve("index.html");
    assertTrue(runOutput.contains("report: " + report), runOutput);
    assertTrue(Files.isRegularFile(report));
  }

  @Test
  void reportReRendersAFinishedRunWithItsManifest() throws Exception {
    Path out = dir.resolve("again.html");
    Result r = execute("report", "--run", run.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("report: " + out), r.out());
    assertTrue(r.out().contains("not run: bf, nudge, select"), r.out());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.contains("<dt>Started / finished</dt>"), "run times from the manifest");
    assertTrue(html.contains("<td>corpus input (manifest)</td><td>8</td>"), "counts from the manifest");
    PageStatus.parse(HeadlessChromium.require().dumpDom(out)).assertHealthy(List.of("shift-overall",
        "shift-relative-position", "shift-position", "shift-kl-position", "shift-top-tokens"));
  }

  @Test
  void reportOfAMissingFolderIsAUsageError() {
    Result r = execute("report", "--run", dir.resolve("nowhere").toString());
    assertEquals(AlignscopeCommand.INVALID, r.code());
    assertTrue(r.err().contains("--run " + dir.resolve("nowhere") + ": no such folder"), r.err());
  }

  private record Result(int code, String out, String err) {}

  private static Result execute(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = AlignscopeCommand.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }
}
