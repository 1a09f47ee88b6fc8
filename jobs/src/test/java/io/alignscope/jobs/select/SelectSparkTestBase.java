package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.fail;

import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.ingest.CorpusReader;
import io.alignscope.jobs.ingest.IngestResult;
import io.alignscope.jobs.models.HadoopConf;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.pipeline.StageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One light local[2] SparkSession per test class, and helpers to run the stage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SelectSparkTestBase {
  static final String LLAMA = "alpaca_eval_llama-2-7b-chat.jsonl";
  static final String MISTRAL = "alpaca_eval_mistral-7b-instruct-v0.2.jsonl";

  protected SparkSession spark;

  @BeforeAll
  void startSpark() {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName(getClass().getSimpleName())
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  void stopSpark() {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  /** A shared corpus file in /work/shared/data, found from the jobs module directory. */
  static Path sharedData(String file) {
    Path data = Paths.get("").toAbsolutePath().getParent().getParent().resolve("shared").resolve("data");
    Path path = data.resolve(file);
    if (!Files.isRegularFile(path)) {
      fail("shared corpus " + file + " not found at " + path + " (expected ../shared/data next to the repo)");
    }
    return path;
  }

  /** Defaults + the tiny pair + {@code overrides}. */
  static JobConfig config(Path corpus, Path out, String... overrides) {
    List<String> all = new ArrayList<>(TinyPair.overrides());
    all.add("corpus.path=\"" + corpus + "\"");
    all.add("run.output=\"" + out + "\"");
    all.add("models.cache-dir=\"" + out.resolve("model-cache") + "\"");
    all.add("corpus.max-response-tokens=4096");
    all.addAll(List.of(overrides));
    return ConfigLoader.load(all);
  }

  /** The stage's context for {@code config}: the corpus read and accepted as the pipeline would. */
  StageContext context(JobConfig config) {
    IngestResult ingest = new CorpusReader(spark).read(config.corpus());
    RunLayout layout = new RunLayout(config.run().output());
    Dataset<Row> accepted = ingest.accepted();
    accepted.write().mode("overwrite").parquet(layout.corpus());
    Dataset<Row> corpus = spark.read().parquet(layout.corpus());
    return new StageContext(spark, config, layout, new HadoopConf(spark.sparkContext().hadoopConfiguration()), corpus,
        ingest.counts().acceptedRows(), null);
  }

  Dataset<Row> table(JobConfig config, String name) {
    return spark.read().parquet(new RunLayout(config.run().output()).table(name));
  }
}
