package io.alignscope.jobs.nudge;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.Stage;
import io.alignscope.jobs.exec.ModelStageFunction;
import io.alignscope.jobs.exec.OomRetry;
import io.alignscope.jobs.exec.PartitionProgress;
import io.alignscope.jobs.exec.PreparedPrompt;
import io.alignscope.jobs.exec.StageReject;
import io.alignscope.jobs.exec.TokenBudgetBatcher;
import io.alignscope.jobs.models.HadoopConf;
import io.alignscope.jobs.models.LoadedModel;
import io.alignscope.lm.infer.DecodingOptions;
import io.alignscope.lm.infer.Generation;
import io.alignscope.lm.infer.NudgedGeneration;
import io.alignscope.lm.infer.Nudger;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The nudging stage on one partition: greedy nudged answers (the base model decodes after its
 * wrapper, the aligned model takes over where the base is unsure), with the share of tokens each
 * model wrote, counted in the shared tokenizer's tokens.
 */
public final class NudgeFunction extends ModelStageFunction {
  private static final long serialVersionUID = 1L;
  public static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("answer", DataTypes.StringType, false)
      .add("tokens", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("from_aligned", DataTypes.createArrayType(DataTypes.BooleanType, false), false)
      .add("length", DataTypes.IntegerType, false)
      .add("aligned_tokens", DataTypes.IntegerType, false)
      .add("nudged_fraction", DataTypes.DoubleType, false)
      .add("stop_reason", DataTypes.StringType, false);

  public NudgeFunction(JobConfig config, HadoopConf hadoop) {
    super(config, hadoop, Stage.NUDGE, SCHEMA, false);
  }

  @Override
  protected List<Row> process(List<PreparedPrompt> prompts, LoadedModel base, LoadedModel aligned,
      PartitionProgress progress, List<StageReject> rejects) {
    Nudger nudger = PairNudger.of(base, aligned, config.nudge());
    DecodingOptions greedy = DecodingOptions.greedy(config.nudge().maxNewTokens(), base.stop());
    List<Row> rows = new ArrayList<>();
    for (List<PreparedPrompt> group : TokenBudgetBatcher.batches(prompts,
        p -> p.promptTokens() + config.nudge().maxNewTokens(), 1, p -> p.record().id(), config.batch())) {
      List<NudgedGeneration> outputs = OomRetry.run(group, g -> nudger.generate(
          g.stream().map(PreparedPrompt::basePrompt).toList(), g.stream().map(PreparedPrompt::alignedPrompt).toList(),
          g.stream().map(p -> p.record().id()).toList(), greedy).stream().map(s -> s.get(0)).toList());
      for (int i = 0; i < group.size(); i++) {
        rows.add(toRow(group.get(i).record().id(), outputs.get(i), base));
      }
      progress.batchDone(group.size(), outputs.stream().mapToLong(o -> o.generation().length()).sum());
    }
    return rows;
  }

  private static Row toRow(String id, NudgedGeneration output, LoadedModel base) {
    Generation g = output.generation();
    int[] tokens = new int[g.length()];
    for (int t = 0; t < tokens.length; t++) {
      tokens[t] = (int) g.tokens()[t];
    }
    return RowFactory.create(id, base.tokenizer().decode(g.tokens(), true), tokens, output.fromAligned(), g.length(),
        output.alignedTokens(), output.nudgedFraction(), g.stop().name().toLowerCase());
  }
}
