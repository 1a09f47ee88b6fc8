package io.alignscope.jobs.report;

import io.alignscope.jobs.output.RunLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The HTML report of one run folder: every section whose tables exist, the others marked "not
 * run". Used by the pipeline's report stage and by {@code alignscope report --run DIR}.
 */
public final class RunReport {
  private final SparkSession spark;

  /** A report reading tables through {@code spark}. */
  public RunReport(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * A rendered report.
   *
   * @param html the self-contained page
   * @param charts chart name to data points, in page order
   * @param notRun ids of sections whose stage did not run
   */
  public record Rendered(String html, Map<String, Integer> charts, List<String> notRun) {}

  /** Reads the run's tables (aggregating on Spark) and renders the page. */
  public Rendered render(RunLayout layout, RunInfo info) {
    RunTables tables = new RunTables(spark, layout);
    List<ReportSection> sections = List.of(
        new OverviewSection(tables, info).build(),
        new ShiftSection(tables).build(),
        new BranchingSection(tables).build(),
        new NudgeSection(tables).build(),
        new SelectionSection(tables).build());
    String subtitle = "Run " + info.runName() + " \u00b7 " + info.root() + " \u00b7 rendered " + info.generated();
    PageRenderer.Page page = new PageRenderer().render(info.title(), subtitle, sections);
    return new Rendered(page.html(), page.charts(),
        sections.stream().filter(s -> !s.ran()).map(ReportSection::id).toList());
  }

  /** Writes {@code html} to {@code path} on any Hadoop filesystem, replacing what is there. */
  public static void write(String path, String html, Configuration hadoop) {
    Path target = new Path(path);
    try {
      FileSystem fs = target.getFileSystem(hadoop);
      try (OutputStream out = fs.create(target, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report to " + path + ": " + e.getMessage(), e);
    }
  }
}
