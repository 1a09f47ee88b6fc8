package io.alignscope.jobs.exec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a partition's progress: work units done (rows, or rows x models), tokens and throughput. */
public final class PartitionProgress {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionProgress.class);
  private static final long INTERVAL_NANOS = 30_000_000_000L;
  private final String stage;
  private final int partition;
  private final int rows;
  private final long start = System.nanoTime();
  private long lastLog = start;
  private int done;
  private long tokens;

  public PartitionProgress(String stage, int partition, int rows) {
    this.stage = stage;
    this.partition = partition;
    this.rows = rows;
    LOG.info("{} partition {}: {} rows", stage, partition, rows);
  }

  /** Records a finished batch; logs at most every 30 seconds. */
  public void batchDone(int batchRows, long batchTokens) {
    done += batchRows;
    tokens += batchTokens;
    long now = System.nanoTime();
    if (now - lastLog > INTERVAL_NANOS) {
      lastLog = now;
      log("progress");
    }
  }

  /** Logs the final counts. */
  public void finish() {
    log("done");
  }

  private void log(String what) {
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    LOG.info(String.format("%s partition %d %s: %d/%d rows, %d tokens in %.1f s (%.1f rows/s, %.0f tokens/s)",
        stage, partition, what, done, rows, tokens, seconds, done / seconds, tokens / seconds));
  }
}
