package io.alignscope.jobs.cli;

import io.alignscope.jobs.pipeline.Pipeline;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.pipeline.RunResult;
import io.alignscope.jobs.report.ReportStage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alignscope run}: the whole pipeline. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the configured stages (default: shift, bf, nudge, select, report) and write Parquet outputs, "
        + "a manifest and a report. With no options: the embedded tiny model pair on the bundled sample corpus.")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    JobConfig config = options.load();
    RunResult result = SparkSessions.with(config, spark -> new Pipeline(spark, config).run());
    System.out.println("outputs: " + result.output());
    System.out.println("manifest: " + result.output() + "/manifest.json");
    String report = result.manifest().path("stages").path(ReportStage.NAME).path("headline").path("path").asText("");
    System.out.println("report: " + (report.isEmpty()
        ? "not written (add report to run.stages, or run: alignscope report --run " + result.output() + ")"
        : report));
    return 0;
  }
}
