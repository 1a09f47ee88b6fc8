package io.alignscope.jobs.bf;

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

/** The branching-factor stage on one partition. */
public final class BranchingFunction extends ModelStageFunction {
  private static final long serialVersionUID = 1L;

  public BranchingFunction(JobConfig config, HadoopConf hadoop) {
    super(config, hadoop, Stage.BF, BranchingSchema.SCHEMA, false);
  }

  @Override
  protected int workUnitsPerRow() {
    return config.bf().models().size();
  }

  @Override
  protected List<Row> process(List<PreparedPrompt> prompts, LoadedModel base, LoadedModel aligned,
      PartitionProgress progress, List<StageReject> rejects) {
    boolean keep = config.bf().keepSamples();
    return new BranchingSampler(base, aligned, config.bf(), config.nudge(), config.batch()).sample(prompts, progress)
        .stream().map(o -> BranchingSchema.toRow(o, keep)).toList();
  }
}
