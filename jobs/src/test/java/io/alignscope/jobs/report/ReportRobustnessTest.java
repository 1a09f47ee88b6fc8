package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.jobs.output.RunLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders with stages missing, tables missing and columns missing still give a working page. */
class ReportRobustnessTest extends ReportSparkTestBase {
  @TempDir Path dir;

  @Test
  void aFolderWithOnlyTheCorpusMarksEveryStageNotRun() throws Exception {
    RunLayout layout = new RunLayout(dir.resolve("run").toString());
    table(layout, "corpus", "{\"id\": \"a\", \"prompt\": \"p\"}", "{\"id\": \"b\", \"prompt\": \"q\"}");

    RunReport.Rendered report = render(layout);

    assertEquals(List.of("shift", "bf", "nudge", "select"), report.notRun());
    assertEquals(List.of(), List.copyOf(report.charts().keySet()));
    String html = report.html();
    for (String table : List.of("shift/summary", "bf/summary", "nudge/summary", "select/scored")) {
      assertTrue(html.contains("Not run: no table at " + layout.table(table)), table);
    }
    assertTrue(html.contains("No rejects table"));
    assertTrue(html.contains("<td>corpus</td><td>2</td>"));
    assertHealthyInBrowser(report, List.of());
  }

  @Test
  void partialTablesAndColumnsGiveWhatTheyCanAndSaySo() throws Exception {
    RunLayout layout = new RunLayout(dir.resolve("partial").toString());
    table(layout, "shift/summary",
        "{\"examples\": 3, \"positions\": 30, \"unshifted\": 0.8, \"marginal\": 0.15, \"shifted\": 0.05}");
    table(layout, "bf/prompts", "{\"id\": \"a\", \"model\": \"base\", \"bf\": 11.5}",
        "{\"id\": \"a\", \"model\": \"aligned\", \"bf\": 1.4}", "{\"id\": \"b\", \"model\": \"base\", \"bf\": null}",
        "{\"id\": \"b\", \"model\": \"aligned\", \"bf\": 2.0}");
    table(layout, "select/scored", "{\"id\": \"a\", \"ifd\": 0.4, \"weighted_score\": 0.9, \"note\": \"x\"}",
        "{\"id\": \"b\", \"ifd\": 0.7, \"weighted_score\": 0.1, \"note\": \"y\"}",
        "{\"id\": \"c\", \"ifd\": null, \"weighted_score\": 0.5, \"note\": \"z\"}");
    table(layout, "select/subset", "{\"id\": \"a\"}");
    table(layout, "rejects/stage=ingest", "{\"id\": null, \"reason\": \"malformed-json\", \"detail\": \"<b>bad</b>\"}");

    RunReport.Rendered report = render(layout);

    assertEquals(List.of("nudge"), report.notRun());
    String html = report.html();
    assertTrue(html.contains("no table at " + layout.table("shift/by_relative_position")));
    assertTrue(html.contains("No BF curves: no table at " + layout.table("bf/curves")));
    assertTrue(html.contains("Kept</dt><dd>1 (33.3 %)"), "kept from select/subset by id");
    assertTrue(html.contains("<td>malformed-json</td><td>1</td><td>&lt;b&gt;bad&lt;/b&gt;</td>"));
    assertFalse(html.contains("<b>bad</b>"));
    assertHealthyInBrowser(report,
        List.of("shift-overall", "bf-prompt-histogram", "select-ifd", "select-weighted-score"));
  }

  @Test
  void selectionWithoutScoresOrKeptFlagIsExplained() throws Exception {
    RunLayout layout = new RunLayout(dir.resolve("noscores").toString());
    table(layout, "select/scored", "{\"id\": \"a\", \"source\": \"s\"}");
    table(layout, "select/summary", "{\"strategy\": \"random\", \"selected\": 1}");

    RunReport.Rendered report = render(layout);

    String html = report.html();
    assertTrue(html.contains("has no selected column and no select/subset"));
    assertTrue(html.contains("select/scored has no score column"));
    assertTrue(html.contains("<dt>strategy</dt><dd>random</dd>"));
    assertHealthyInBrowser(report, List.of());
  }

  private RunReport.Rendered render(RunLayout layout) {
    return new RunReport(spark).render(layout, RunInfo.fromManifest(layout.root(), null));
  }

  private void table(RunLayout layout, String name, String... jsonRows) {
    spark.read().json(spark.createDataset(List.of(jsonRows), Encoders.STRING()))
        .write().mode(SaveMode.Overwrite).parquet(layout.table(name));
  }

  private void assertHealthyInBrowser(RunReport.Rendered report, List<String> charts) throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require();
    Path page = Files.writeString(dir.resolve("page-" + System.nanoTime() + ".html"), report.html(),
        StandardCharsets.UTF_8);
    PageStatus.parse(chromium.dumpDom(page)).assertHealthy(charts);
  }
}
