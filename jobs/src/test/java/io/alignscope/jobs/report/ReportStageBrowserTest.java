package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.Stage;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.pipeline.Pipeline;
import io.alignscope.jobs.pipeline.RunResult;
import io.alignscope.jobs.pipeline.StageSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run (shift, bf, nudge, a stand-in selection stage, report) on the embedded tiny pair, with
 * corpus rows that are rejected and hostile token strings; the page is opened in headless Chromium.
 * With -Dalignscope.report.screenshot=FILE.png it also leaves a screenshot there.
 */
class ReportStageBrowserTest extends ReportSparkTestBase {
  static final List<String> ALL_CHARTS = List.of("shift-overall", "shift-relative-position", "shift-position",
      "shift-kl-position", "shift-top-tokens", "bf-dataset", "bf-window", "bf-cumulative", "bf-prompt-histogram",
      "nudge-overall", "nudge-per-prompt", "nudge-position", "select-ifd", "select-shift-density", "select-mean-kl",
      "select-answer-entropy", "select-isa", "select-length");

  @TempDir static Path dir;
  private static RunResult result;
  private static Path page;

  @BeforeAll
  void runPipeline() throws Exception {
    Path corpus = TinyRun.corpus(dir.resolve("prompts.jsonl"),
        "{\"id\": \"bad-empty\", \"prompt\": \"\"}",
        "not json " + HostileStrings.IMG_ONERROR + HostileStrings.SCRIPT_BREAKOUT);
    JobConfig config = TinyRun.config(dir.resolve("run"), corpus, "[shift,bf,nudge,select,report]",
        "report.title=\"Report <test> & 'quotes'\"");
    RunLayout layout = new RunLayout(config.run().output());
    result = new Pipeline(spark, config)
        .with(Stage.SELECT, context -> {
          FixtureTables.selection(spark, layout);
          FixtureTables.hostileTopTokens(spark, layout);
          FixtureTables.hostileReject(spark, layout);
          return StageSummary.of("select");
        })
        .run();
    page = Path.of(layout.report());
    Path copy = Path.of("target", "report-test", "index.html");
    Files.createDirectories(copy.getParent());
    Files.copy(page, copy, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void stageWritesThePageAndNamesItInTheManifest() {
    JsonNode headline = result.manifest().path("stages").path("report").path("headline");
    assertEquals(page.toString(), headline.path("path").asText());
    assertEquals(ALL_CHARTS.size(), headline.path("charts").asInt());
    assertEquals("", headline.path("not_run").asText());
    assertTrue(Files.isRegularFile(page));
  }

  @Test
  void everyChartRendersWithDataAndNoErrors() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require();
    PageStatus status = PageStatus.parse(chromium.dumpDom(page));
    status.assertHealthy(ALL_CHARTS);
    assertEquals("4.5.1", status.chartjs());
    String screenshot = System.getProperty("alignscope.report.screenshot", "");
    if (!screenshot.isBlank()) {
      chromium.screenshot(page, Path.of(screenshot), 1400, 4000);
    }
  }

  @Test
  void untrustedTextIsEscaped() throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertFalse(html.contains(HostileStrings.IMG_ONERROR));
    assertFalse(html.contains(HostileStrings.SCRIPT_BREAKOUT));
    assertTrue(html.contains("<title>Report &lt;test&gt; &amp; &#39;quotes&#39;</title>"));
    assertEquals(4, html.split("</script>", -1).length - 1, "exactly the page's own four script elements");
    assertTrue(html.contains("<td>fixture-reject</td><td>1</td><td>&lt;/script&gt;&lt;script&gt;"),
        "the hostile reject detail is shown, escaped");
  }

  @Test
  void headerListsRejectsAndCounts() throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("Rejects per stage and reason"), "rejects table");
    assertTrue(html.contains("<td>ingest</td><td>empty-prompt</td><td>1</td>"), "empty prompt rejected");
    assertTrue(html.contains("<td>ingest</td><td>malformed</td><td>1</td>"), "malformed line rejected");
    assertTrue(html.contains("<td>corpus</td><td>48</td>"), "accepted corpus rows");
    assertTrue(html.contains("<td>select/scored</td><td>48</td>"), "selection rows");
  }
}
