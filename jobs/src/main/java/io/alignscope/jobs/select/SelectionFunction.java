package io.alignscope.jobs.select;

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

/** The selection stage's model pass on one partition: {@link ModelScoring} into {@link ModelScoreSchema} rows. */
public final class SelectionFunction extends ModelStageFunction {
  private static final long serialVersionUID = 1L;

  public SelectionFunction(JobConfig config, HadoopConf hadoop) {
    super(config, hadoop, Stage.SELECT, ModelScoreSchema.SCHEMA, true);
  }

  @Override
  protected List<Row> process(List<PreparedPrompt> prompts, LoadedModel base, LoadedModel aligned,
      PartitionProgress progress, List<StageReject> rejects) {
    return new ModelScoring(base, aligned, config.batch(), config.tokenLimits()).score(prompts, progress, rejects)
        .stream().map(ModelScoreSchema::toRow).toList();
  }
}
