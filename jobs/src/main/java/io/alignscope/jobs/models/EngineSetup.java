package io.alignscope.jobs.models;

/**
 * Settings DJL reads once, before its engine starts: never download anything (the natives are in
 * the jar), no usage tracking, and the libtorch thread count. Environment variables of the same
 * names, where set, win.
 *
 * <p>Threads: an executor runs several tasks at once, each calling libtorch; with libtorch's
 * default of one intra-op thread per core the tasks oversubscribe the cores, and its OpenMP
 * threads then spin against each other (measured here: up to 10x slower on two busy cores).
 * Unless configured, each task gets its share: cores / concurrent tasks.
 */
public final class EngineSetup {
  private static volatile boolean done;

  private EngineSetup() {}

  /**
   * Applies the settings once per JVM.
   *
   * @param torchThreads intra-op threads; 0 = the cores divided by the concurrent tasks
   * @param concurrentTasks tasks this JVM runs at once
   */
  public static synchronized void apply(int torchThreads, int concurrentTasks) {
    if (done) {
      return;
    }
    setIfAbsent("DJL_OFFLINE", "true");
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("OPT_OUT_TRACKING", "true");
    setIfAbsent("RUST_FLAVOR", "cpu");
    int threads = torchThreads > 0 ? torchThreads
        : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, concurrentTasks));
    setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    done = true;
  }

  /**
   * Tasks one executor runs at once: {@code spark.executor.cores / spark.task.cpus}, where a local
   * master {@code local[N]} has N cores ({@code local[*]}: all of them).
   */
  public static int concurrentTasks(org.apache.spark.SparkConf conf) {
    int taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
    String master = conf.get("spark.master", "");
    java.util.regex.Matcher local = java.util.regex.Pattern.compile("local(?:-cluster)?\\[(\\*|\\d+)").matcher(master);
    int cores;
    if (conf.contains("spark.executor.cores")) {
      cores = conf.getInt("spark.executor.cores", 1);
    } else if (local.lookingAt()) {
      cores = local.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(local.group(1));
    } else if (master.equals("local")) {
      cores = 1;
    } else {
      cores = Runtime.getRuntime().availableProcessors();
    }
    return Math.max(1, cores / taskCpus);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getenv(key) == null && System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
