package io.alignscope.jobs.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class EngineSetupTest {

  private static int tasks(String... settings) {
    SparkConf conf = new SparkConf(false);
    for (int i = 0; i < settings.length; i += 2) {
      conf.set(settings[i], settings[i + 1]);
    }
    return EngineSetup.concurrentTasks(conf);
  }

  @Test
  void concurrentTasksFollowExecutorCoresAndTaskCpus() {
    assertEquals(2, tasks("spark.master", "local[2]"));
    assertEquals(2, tasks("spark.master", "local[2,4]"));
    assertEquals(1, tasks("spark.master", "local"));
    assertEquals(Runtime.getRuntime().availableProcessors(), tasks("spark.master", "local[*]"));
    assertEquals(2, tasks("spark.master", "spark://h:7077", "spark.executor.cores", "4", "spark.task.cpus", "2"));
    assertEquals(8, tasks("spark.master", "yarn", "spark.executor.cores", "8"));
    assertEquals(1, tasks("spark.master", "yarn", "spark.executor.cores", "1", "spark.task.cpus", "4"));
  }
}
