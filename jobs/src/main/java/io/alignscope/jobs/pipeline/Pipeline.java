package io.alignscope.jobs.pipeline;

import io.alignscope.jobs.bf.BranchingStage;
import io.alignscope.jobs.config.ConfigException;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.RunMode;
import io.alignscope.jobs.config.Stage;
import io.alignscope.jobs.ingest.CorpusReader;
import io.alignscope.jobs.ingest.IngestCounts;
import io.alignscope.jobs.ingest.IngestResult;
import io.alignscope.jobs.models.HadoopConf;
import io.alignscope.jobs.models.ModelIdentity;
import io.alignscope.jobs.models.ModelStore;
import io.alignscope.jobs.models.PairValidator;
import io.alignscope.jobs.nudge.NudgeStage;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.output.RunManifest;
import io.alignscope.jobs.output.TableWriter;
import io.alignscope.jobs.output.Versions;
import io.alignscope.jobs.report.ReportStage;
import io.alignscope.jobs.select.SelectionStage;
import io.alignscope.jobs.shift.ShiftStage;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.text.LmTokenizer;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole run: validate the model pair on the driver (before any task), ingest the corpus (with
 * rejects), run the configured stages in order, and write the manifest last.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private final SparkSession spark;
  private final JobConfig config;
  private final Map<Stage, Function<StageContext, StageSummary>> stages = new EnumMap<>(Stage.class);

  public Pipeline(SparkSession spark, JobConfig config) {
    this.spark = spark;
    this.config = config;
    stages.put(Stage.SHIFT, ShiftStage::run);
    stages.put(Stage.BF, BranchingStage::run);
    stages.put(Stage.NUDGE, NudgeStage::run);
    stages.put(Stage.SELECT, SelectionStage::run);
    stages.put(Stage.REPORT, ReportStage::run);
  }

  /** Replaces the implementation of a stage (tests use this to observe or stub one). */
  public Pipeline with(Stage stage, Function<StageContext, StageSummary> run) {
    stages.put(stage, run);
    return this;
  }

  /** Checks everything that can be checked without running a task: the output folder and the models. */
  public List<ModelIdentity> validate() {
    RunLayout layout = new RunLayout(config.run().output());
    if (config.run().mode() == RunMode.FAIL && new TableWriter(spark).existsFile(layout.manifest())) {
      throw new ConfigException("run.output = " + config.run().output() + " already holds a run (manifest.json); "
          + "set run.mode = overwrite or resume");
    }
    for (Stage stage : config.run().stages()) {
      if (!stages.containsKey(stage)) {
        throw new ConfigException("run.stages contains '" + stage.configName() + "', which this build cannot run");
      }
    }
    return PairValidator.validate(config.models(), hadoop());
  }

  /** Runs everything and returns where the outputs are. */
  public RunResult run() {
    Instant started = Instant.now();
    List<ModelIdentity> models = validate();
    RunLayout layout = new RunLayout(config.run().output());
    TableWriter writer = new TableWriter(spark);
    RunManifest manifest = new RunManifest(config.run().name(), started, config.rendered(),
        Versions.all(spark.version()), models);
    try (IngestResult ingest = new CorpusReader(spark).read(config.corpus());
        LmTokenizer tokenizer = driverTokenizer()) {
      IngestCounts counts = ingest.counts();
      LOG.info("corpus: {} rows, {} accepted, rejected {}", counts.inputRows(), counts.acceptedRows(),
          counts.rejectedByReason());
      writer.overwrite(ingest.accepted(), layout.corpus());
      writer.overwrite(ingest.rejects().drop("stage"), layout.rejects(CorpusReader.STAGE));
      Dataset<Row> corpus = writer.read(layout.corpus());
      StageContext context = new StageContext(spark, config, layout, new HadoopConf(hadoop()), corpus,
          counts.acceptedRows(), tokenizer);
      for (Stage stage : config.run().stages()) {
        long start = System.nanoTime();
        LOG.info("stage {} starting", stage.configName());
        StageSummary summary = stages.get(stage).apply(context).took((System.nanoTime() - start) / 1e9);
        LOG.info("stage {} done in {} s: {}", stage.configName(), String.format("%.1f", summary.seconds()),
            summary.headline());
        manifest.stage(summary);
      }
      manifest.output("corpus", layout.corpus(), counts.acceptedRows());
      manifest.counts(counts.inputRows(), counts.acceptedRows(), rejectCounts(writer, layout));
      manifest.write(layout.manifest(), Instant.now(), hadoop());
      return new RunResult(layout.root(), manifest.json());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the manifest to " + layout.manifest() + ": " + e.getMessage(), e);
    }
  }

  private LmTokenizer driverTokenizer() {
    String location = config.models().aligned().path();
    Checkpoint metadata = Checkpoint.openMetadata(new ModelStore(config.models().cacheDir(), hadoop())
        .localizeMetadata(location));
    return LmTokenizer.of(metadata);
  }

  private static Map<String, Map<String, Long>> rejectCounts(TableWriter writer, RunLayout layout) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (Row r : writer.read(layout.rejects()).groupBy("stage", "reason").count().orderBy("stage", "reason")
        .collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put(r.getString(1), r.getLong(2));
    }
    return out;
  }

  private Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
