package io.alignscope.jobs.cli;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.Stage;
import io.alignscope.jobs.pipeline.Pipeline;
import io.alignscope.jobs.select.SelectionStage;
import org.apache.spark.sql.SparkSession;

/** The pipeline with every stage this build has. */
final class Pipelines {
  private Pipelines() {}

  static Pipeline of(SparkSession spark, JobConfig config) {
    return new Pipeline(spark, config).with(Stage.SELECT, SelectionStage::run);
  }
}
