package io.alignscope.jobs.exec;

import ai.djl.Device;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.Stage;
import io.alignscope.jobs.models.DeviceSelector;
import io.alignscope.jobs.models.ExecutorModels;
import io.alignscope.jobs.models.HadoopConf;
import io.alignscope.jobs.models.LoadedModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark side of a model stage: reads a partition of canonical rows, takes the model pair from
 * the executor-wide cache on the task's device, tokenises (refusing over-long rows), lets the
 * stage process the prepared prompts, and emits result rows and rejects in one
 * {@link StageOutput} schema. The stage logic itself ({@link #process}) sees no Spark types but
 * rows.
 */
public abstract class ModelStageFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  protected final JobConfig config;
  private final HadoopConf hadoop;
  private final Stage stage;
  private final StructType resultSchema;
  private final boolean needsAnswer;

  /**
   * @param stage which stage this is
   * @param resultSchema schema of the result rows (without the reject column)
   * @param needsAnswer whether the records' answers must be tokenised
   */
  protected ModelStageFunction(JobConfig config, HadoopConf hadoop, Stage stage, StructType resultSchema,
      boolean needsAnswer) {
    this.config = config;
    this.hadoop = hadoop;
    this.stage = stage;
    this.resultSchema = resultSchema;
    this.needsAnswer = needsAnswer;
  }

  /** Which stage this is. */
  public Stage stage() {
    return stage;
  }

  /** Schema of the result rows (without the reject column). */
  public StructType resultSchema() {
    return resultSchema;
  }

  /**
   * Processes one partition's prepared prompts; returns result rows of {@link #resultSchema()}
   * and adds any refused ones to {@code rejects}.
   */
  protected abstract List<Row> process(List<PreparedPrompt> prompts, LoadedModel base, LoadedModel aligned,
      PartitionProgress progress, List<StageReject> rejects);

  /** Progress units per input row (e.g. one per sampled model); 1 by default. */
  protected int workUnitsPerRow() {
    return 1;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    List<PromptRecord> records = new ArrayList<>();
    input.forEachRemaining(row -> records.add(PromptRows.fromRow(row)));
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    List<Row> out = new ArrayList<>();
    if (!records.isEmpty()) {
      Device device = DeviceSelector.forCurrentTask(config.models().device());
      LoadedModel base = ExecutorModels.get(config.models().base(), config.models(), hadoop.get(), device);
      LoadedModel aligned = ExecutorModels.get(config.models().aligned(), config.models(), hadoop.get(), device);
      PromptPreparer.Outcome prepared = new PromptPreparer(base, aligned, config.tokenLimits())
          .prepare(records, needsAnswer);
      List<StageReject> rejects = new ArrayList<>(prepared.rejects());
      PartitionProgress progress = new PartitionProgress(stage().configName(), partition,
          records.size() * workUnitsPerRow());
      for (Row result : process(prepared.prepared(), base, aligned, progress, rejects)) {
        out.add(StageOutput.result(result));
      }
      rejects.forEach(r -> out.add(StageOutput.reject(r, resultSchema().size())));
      progress.finish();
    }
    boolean failNow = task != null && task.attemptNumber() == 0 && config.testing().failsOnce(stage(), partition);
    return failNow ? FaultInjection.failHalfway(out) : out.iterator();
  }
}
