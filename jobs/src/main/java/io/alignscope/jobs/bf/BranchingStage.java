package io.alignscope.jobs.bf;

import io.alignscope.jobs.output.TableWriter;
import io.alignscope.jobs.pipeline.StageContext;
import io.alignscope.jobs.pipeline.StageSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Runs the branching-factor stage and writes its per-prompt table, per-model summary and curves. */
public final class BranchingStage {
  public static final String PROMPTS = "bf/prompts";
  public static final String SUMMARY = "bf/summary";
  public static final String CURVES = "bf/curves";

  private BranchingStage() {}

  public static StageSummary run(StageContext context) {
    TableWriter writer = context.writer();
    String promptsPath = context.layout().table(PROMPTS);
    var counts = context.runner().run(context.corpus(), new BranchingFunction(context.config(), context.hadoop()),
        promptsPath);
    Dataset<Row> prompts = writer.read(promptsPath);
    writer.overwrite(BranchingSummaries.perModel(prompts), context.layout().table(SUMMARY));
    writer.overwrite(BranchingSummaries.curves(prompts, context.config().bf().window()), context.layout().table(CURVES));
    StageSummary summary = StageSummary.of("bf").table(PROMPTS, counts.results())
        .table("rejects/stage=bf", counts.rejects());
    for (Row r : writer.read(context.layout().table(SUMMARY)).collectAsList()) {
      summary.headline("dataset_bf_" + r.getAs("model"), r.getAs("dataset_bf"));
    }
    return summary;
  }
}
