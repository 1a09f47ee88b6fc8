package io.alignscope.jobs.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/** Counts the tasks a session starts, to prove that a check happened before any of them. */
public final class TaskCounter extends SparkListener {
  private final AtomicInteger started = new AtomicInteger();

  @Override
  public void onTaskStart(SparkListenerTaskStart taskStart) {
    started.incrementAndGet();
  }

  public int started() {
    return started.get();
  }
}
