package io.alignscope.jobs.exec;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.RunMode;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.output.TableWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a model stage over the corpus: hashes rows to partitions by id (the same rows land in the
 * same partition on every attempt), runs the stage's {@link ModelStageFunction} once, and writes
 * its results and its rejects. When resuming, rows whose id the table or the stage's rejects
 * already hold are skipped and new results and rejects are appended.
 */
public final class StageRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);
  private final SparkSession spark;
  private final JobConfig config;
  private final RunLayout layout;
  private final TableWriter writer;

  public StageRunner(SparkSession spark, JobConfig config, RunLayout layout) {
    this.spark = spark;
    this.config = config;
    this.layout = layout;
    this.writer = new TableWriter(spark);
  }

  /** Counts of one stage run. */
  public record Counts(long results, long rejects) {}

  /**
   * @param corpus accepted canonical rows
   * @param function the stage
   * @param table where the results go
   */
  public Counts run(Dataset<Row> corpus, ModelStageFunction function, String table) {
    String stage = function.stage().configName();
    Dataset<Row> input = corpus;
    Dataset<Row> done = config.run().mode() == RunMode.RESUME ? decidedIds(table, layout.rejects(stage)) : null;
    if (done != null) {
      input = corpus.join(done, corpus.col("id").equalTo(done.col("id")), "left_anti");
      LOG.info("{}: resuming, skipping ids already in {} or its rejects", stage, table);
    }
    Dataset<Row> combined = input.repartition(partitions(), functions.col("id"))
        .mapPartitions(function, Encoders.row(StageOutput.schema(function.resultSchema())))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> results = StageOutput.results(combined, function.resultSchema());
      Dataset<Row> rejects = StageOutput.rejects(combined, stage).drop("stage");
      writer.write(results, table, config.run().mode());
      writer.write(rejects, layout.rejects(stage), config.run().mode());
      Counts counts = new Counts(writer.read(table).count(), writer.read(layout.rejects(stage)).count());
      LOG.info("{}: {} results, {} rejects", stage, counts.results(), counts.rejects());
      return counts;
    } finally {
      combined.unpersist();
    }
  }

  /**
   * The ids an earlier run of this stage already decided: a result row or a reject of this stage.
   * Both tables are appended to when resuming, so an id in either must not be processed again.
   */
  private Dataset<Row> decidedIds(String table, String rejects) {
    Dataset<Row> done = null;
    for (String path : new String[] {table, rejects}) {
      if (writer.exists(path)) {
        Dataset<Row> ids = writer.read(path).select("id");
        done = done == null ? ids : done.union(ids);
      }
    }
    return done == null ? null : done.distinct();
  }

  private int partitions() {
    int configured = config.spark().partitions();
    return configured > 0 ? configured : 2 * spark.sparkContext().defaultParallelism();
  }
}
