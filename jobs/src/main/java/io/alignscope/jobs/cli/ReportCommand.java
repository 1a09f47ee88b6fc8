package io.alignscope.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.report.RunInfo;
import io.alignscope.jobs.report.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignscope report}: re-renders the HTML report of an existing run folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Render the HTML report of an existing run folder (local or any Hadoop URI) from its tables "
        + "and, when present, its manifest.json. Sections whose tables are absent are marked 'not run'.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--run", required = true, paramLabel = "DIR", description = "the run's output folder")
  String run;

  @Option(names = "--out", paramLabel = "FILE", description = "where to write the page (default: DIR/report/index.html)")
  String out;

  @Override
  public Integer call() {
    JobConfig config = ConfigLoader.load(List.of("run.name=alignscope-report"));
    String target = out == null ? new RunLayout(run).report() : out;
    RunReport.Rendered report = SparkSessions.with(config, spark -> render(spark, target));
    System.out.println("charts: " + report.charts().size() + (report.notRun().isEmpty() ? ""
        : "; not run: " + String.join(", ", report.notRun())));
    System.out.println("report: " + target);
    return 0;
  }

  private RunReport.Rendered render(SparkSession spark, String target) {
    RunLayout layout = new RunLayout(run);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    if (!exists(run, hadoop)) {
      throw new IllegalArgumentException("--run " + run + ": no such folder");
    }
    RunInfo info = RunInfo.fromManifest(run, manifest(layout.manifest(), hadoop));
    RunReport.Rendered report = new RunReport(spark).render(layout, info);
    RunReport.write(target, report.html(), hadoop);
    return report;
  }

  private static boolean exists(String location, Configuration hadoop) {
    try {
      Path p = new Path(location);
      return p.getFileSystem(hadoop).exists(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot inspect " + location + ": " + e.getMessage(), e);
    }
  }

  /** The manifest, or null when the run has none (it did not finish). */
  private static JsonNode manifest(String location, Configuration hadoop) {
    Path p = new Path(location);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        return null;
      }
      try (InputStream in = fs.open(p)) {
        return new ObjectMapper().readTree(in);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }
}
