package io.alignscope.jobs.report;

import io.alignscope.jobs.output.Versions;
import io.alignscope.jobs.pipeline.StageContext;
import io.alignscope.jobs.pipeline.StageSummary;

/**
 * The report stage: renders {@code report/index.html} from the tables the earlier stages wrote.
 * It runs before the manifest exists, so run metadata comes from the job's configuration.
 */
public final class ReportStage {
  /** The stage name in the manifest. */
  public static final String NAME = "report";

  private ReportStage() {}

  /** Renders and writes the report; the headline carries its path, chart count and sections not run. */
  public static StageSummary run(StageContext context) {
    RunInfo info = RunInfo.of(context.config(), Versions.all(context.spark().version()));
    RunReport.Rendered report = new RunReport(context.spark()).render(context.layout(), info);
    String path = context.layout().report();
    RunReport.write(path, report.html(), context.spark().sparkContext().hadoopConfiguration());
    return StageSummary.of(NAME)
        .headline("path", path)
        .headline("charts", report.charts().size())
        .headline("not_run", String.join(",", report.notRun()));
  }
}
