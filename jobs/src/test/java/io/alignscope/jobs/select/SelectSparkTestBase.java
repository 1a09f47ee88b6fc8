package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.fail;

import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.ingest.CorpusReader;
import io.alignscope.jobs.ingest.IngestResult;
import io.alignscope.jobs.models.HadoopConf;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.pipeline.StageContext;
import io.alignscope.jobs.testing.SparkTests;
import java.nio.file.Files;
import java.nio.file.Path;
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
    spark = SparkTests.session(getClass().getSimpleName(), "local[2]");
  }

  @AfterAll
  void stopSpark() {
    SparkTests.stop(spark);
  }

  /** A shared corpus file in ../shared/data next to the repository. */
  static Path sharedData(String file) {
    Path path = SparkTests.sharedData().resolve(file);
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
