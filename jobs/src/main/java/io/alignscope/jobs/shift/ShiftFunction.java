package io.alignscope.jobs.shift;

import io.alignscope.jobs.config.AnswerSource;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.Stage;
import io.alignscope.jobs.exec.ModelStageFunction;
import io.alignscope.jobs.exec.PartitionProgress;
import io.alignscope.jobs.exec.PreparedPrompt;
import io.alignscope.jobs.exec.StageReject;
import io.alignscope.jobs.models.HadoopConf;
import io.alignscope.jobs.models.LoadedModel;
import java.util.List;
import org.apache.spark.sql.Row;

/** The shift stage on one partition: {@link ShiftScoring} into {@link ShiftSchema} rows. */
public final class ShiftFunction extends ModelStageFunction {
  private static final long serialVersionUID = 1L;

  public ShiftFunction(JobConfig config, HadoopConf hadoop) {
    super(config, hadoop, Stage.SHIFT, ShiftSchema.SCHEMA, config.shift().answers() != AnswerSource.GENERATE);
  }

  @Override
  protected List<Row> process(List<PreparedPrompt> prompts, LoadedModel base, LoadedModel aligned,
      PartitionProgress progress, List<StageReject> rejects) {
    return new ShiftScoring(base, aligned, config.shift(), config.batch()).score(prompts, progress, rejects)
        .stream().map(ShiftSchema::toRow).toList();
  }
}
