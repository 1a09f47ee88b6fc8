package io.alignscope.jobs.shift;

import io.alignscope.jobs.output.TableWriter;
import io.alignscope.jobs.pipeline.StageContext;
import io.alignscope.jobs.pipeline.StageSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Runs the shift stage and writes its per-example table and summaries. */
public final class ShiftStage {
  public static final String EXAMPLES = "shift/examples";
  public static final String SUMMARY = "shift/summary";
  public static final String BY_POSITION = "shift/by_position";
  public static final String BY_RELATIVE_POSITION = "shift/by_relative_position";
  public static final String TOP_TOKENS = "shift/top_tokens";

  private ShiftStage() {}

  public static StageSummary run(StageContext context) {
    TableWriter writer = context.writer();
    String examplesPath = context.layout().table(EXAMPLES);
    var counts = context.runner().run(context.corpus(), new ShiftFunction(context.config(), context.hadoop()),
        examplesPath);
    Dataset<Row> examples = writer.read(examplesPath);
    var settings = context.config().shift();
    writer.overwrite(ShiftSummaries.overall(examples), context.layout().table(SUMMARY));
    writer.overwrite(ShiftSummaries.byPosition(examples, settings.positionLimit()), context.layout().table(BY_POSITION));
    writer.overwrite(ShiftSummaries.byRelativePosition(examples, settings.positionBins()),
        context.layout().table(BY_RELATIVE_POSITION));
    writer.overwrite(ShiftSummaries.topTokens(context.spark(), examples, settings.topTokens(),
        id -> context.tokenizer().decode(new long[] {id}, false)), context.layout().table(TOP_TOKENS));
    Row overall = writer.read(context.layout().table(SUMMARY)).first();
    return StageSummary.of("shift").table(EXAMPLES, counts.results()).table("rejects/stage=shift", counts.rejects())
        .headline("positions", overall.getAs("positions"))
        .headline("unshifted", overall.getAs("unshifted"))
        .headline("marginal", overall.getAs("marginal"))
        .headline("shifted", overall.getAs("shifted"))
        .headline("mean_kl", overall.getAs("mean_kl"));
  }
}
