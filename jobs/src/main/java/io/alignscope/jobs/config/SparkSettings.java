package io.alignscope.jobs.config;

import java.io.Serializable;

/**
 * @param master master URL used when none is given by spark-submit
 * @param partitions partitions of the model stages (0 = twice the default parallelism)
 */
public record SparkSettings(String master, int partitions) implements Serializable {
  static SparkSettings from(ConfigReader r) {
    return new SparkSettings(r.string("spark.master"), r.integer("spark.partitions", 0, 1_000_000));
  }
}
