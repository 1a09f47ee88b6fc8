package io.alignscope.jobs.pipeline;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.exec.StageRunner;
import io.alignscope.jobs.models.HadoopConf;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.output.TableWriter;
import io.alignscope.lm.text.LmTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What every stage of a run gets from the driver.
 *
 * @param spark the session
 * @param config the validated configuration
 * @param layout output locations
 * @param hadoop Hadoop configuration for executors
 * @param corpus accepted canonical corpus rows
 * @param acceptedRows their count
 * @param tokenizer the pair's shared tokenizer, on the driver (to label token ids)
 */
public record StageContext(SparkSession spark, JobConfig config, RunLayout layout, HadoopConf hadoop,
    Dataset<Row> corpus, long acceptedRows, LmTokenizer tokenizer) {

  /** A writer for this session. */
  public TableWriter writer() {
    return new TableWriter(spark);
  }

  /** A runner for model stages. */
  public StageRunner runner() {
    return new StageRunner(spark, config, layout);
  }
}
