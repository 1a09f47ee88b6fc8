package io.alignscope.jobs.output;

import java.io.Serializable;

/**
 * Where each output of a run lives under the output root. Every table is a Parquet folder written
 * through Spark's output committer (a retried task never duplicates rows); rejects of all stages
 * share one table partitioned by {@code stage}.
 */
public record RunLayout(String root) implements Serializable {

  /** The folder of a table, e.g. {@code table("shift/examples")}. */
  public String table(String name) {
    return root.endsWith("/") ? root + name : root + "/" + name;
  }

  /** The accepted corpus in canonical form. */
  public String corpus() {
    return table("corpus");
  }

  /** The rejects table (partitioned by stage). */
  public String rejects() {
    return table("rejects");
  }

  /** The rejects partition of one stage. */
  public String rejects(String stage) {
    return table("rejects/stage=" + stage);
  }

  /** The run manifest. */
  public String manifest() {
    return table("manifest.json");
  }

  /** The HTML report. */
  public String report() {
    return table("report/index.html");
  }
}
