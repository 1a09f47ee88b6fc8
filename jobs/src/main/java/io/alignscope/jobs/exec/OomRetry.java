package io.alignscope.jobs.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch and, if the device runs out of memory, runs its two halves instead (recursively),
 * so a batch size tuned for short inputs survives a partition of long ones. Other failures pass
 * through unchanged.
 */
public final class OomRetry {
  private static final Logger LOG = LoggerFactory.getLogger(OomRetry.class);

  private OomRetry() {}

  /** {@code work} applied to {@code batch}, halving on out-of-memory; results keep the batch order. */
  public static <T, R> List<R> run(List<T> batch, Function<List<T>, List<R>> work) {
    try {
      return work.apply(batch);
    } catch (RuntimeException e) {
      if (!isOutOfMemory(e) || batch.size() < 2) {
        throw e;
      }
      LOG.warn("out of device memory on a batch of {} rows; retrying as two halves", batch.size());
      int half = batch.size() / 2;
      List<R> out = new ArrayList<>(run(batch.subList(0, half), work));
      out.addAll(run(batch.subList(half, batch.size()), work));
      return out;
    }
  }

  /** Whether an engine error reports exhausted (device) memory. */
  static boolean isOutOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && (message.contains("out of memory") || message.contains("CUDA error: out of memory")
          || message.contains("DefaultCPUAllocator: can't allocate memory"))) {
        return true;
      }
    }
    return false;
  }
}
