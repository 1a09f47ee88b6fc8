package io.alignscope.jobs.nudge;

import io.alignscope.jobs.output.TableWriter;
import io.alignscope.jobs.pipeline.StageContext;
import io.alignscope.jobs.pipeline.StageSummary;
import org.apache.spark.sql.Row;

/** Runs the nudging stage and writes the nudged answers and their summary. */
public final class NudgeStage {
  public static final String OUTPUTS = "nudge/outputs";
  public static final String SUMMARY = "nudge/summary";

  private NudgeStage() {}

  public static StageSummary run(StageContext context) {
    TableWriter writer = context.writer();
    String outputsPath = context.layout().table(OUTPUTS);
    var counts = context.runner().run(context.corpus(), new NudgeFunction(context.config(), context.hadoop()),
        outputsPath);
    writer.overwrite(NudgeSummaries.overall(writer.read(outputsPath)), context.layout().table(SUMMARY));
    Row overall = writer.read(context.layout().table(SUMMARY)).first();
    return StageSummary.of("nudge").table(OUTPUTS, counts.results()).table("rejects/stage=nudge", counts.rejects())
        .headline("token_fraction", overall.getAs("token_fraction"))
        .headline("mean_prompt_fraction", overall.getAs("mean_prompt_fraction"));
  }
}
