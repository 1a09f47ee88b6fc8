package io.alignscope.jobs.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1: a master and one worker, each its own JVM started from
 * the jars of {@link SparkHome} (what sbin/start-master.sh and start-worker.sh would run).
 *
 * <p>The worker starts executors with {@code java -cp $SPARK_HOME/jars/*:<app jars> ...
 * CoarseGrainedExecutorBackend}, the classpath coming from Spark's launcher library. That library
 * needs two variables the real sbin scripts export through load-spark-env.sh: SPARK_HOME (where
 * jars/ is) and SPARK_SCALA_VERSION (otherwise it looks for a source build and fails with "Cannot
 * find any build directories"). The executors' JVM options (the Java 17 --add-opens) come with the
 * application, from spark.executor.extraJavaOptions, which alignscope-submit sets.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");
  private final ManagedProcess master;
  private final ManagedProcess worker;
  private final String masterUrl;
  private final Path workDir;

  private StandaloneCluster(ManagedProcess master, ManagedProcess worker, String masterUrl, Path workDir) {
    this.master = master;
    this.worker = worker;
    this.masterUrl = masterUrl;
    this.workDir = workDir;
  }

  /** Starts a master and a worker with {@code cores} cores and {@code memory} (e.g. "3g") for executors. */
  static StandaloneCluster start(SparkHome home, Path dir, int cores, String memory) {
    Map<String, String> env = ItEnvironment.childEnvironment();
    env.put("SPARK_HOME", home.path().toString());
    env.put("SPARK_SCALA_VERSION", "2.12");
    List<String> daemon = new ArrayList<>(List.of(ItEnvironment.java(), "-Xmx256m"));
    daemon.addAll(List.of(ItEnvironment.java17Opens().split("\\s+")));
    daemon.addAll(List.of("-cp", home.classpath()));

    List<String> masterCommand = new ArrayList<>(daemon);
    masterCommand.addAll(List.of("org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", "0", "--webui-port", "0"));
    ManagedProcess master = ManagedProcess.start("master", masterCommand, env, dir, dir.resolve("master.log"));
    try {
      String url = master.awaitLog(MASTER_URL, Duration.ofSeconds(60)).group(1);
      Path workDir = dir.resolve("work");
      List<String> workerCommand = new ArrayList<>(daemon);
      workerCommand.addAll(List.of("org.apache.spark.deploy.worker.Worker", url,
          "--host", "127.0.0.1", "--port", "0", "--webui-port", "0",
          "--cores", Integer.toString(cores), "--memory", memory, "--work-dir", workDir.toString()));
      ManagedProcess worker = ManagedProcess.start("worker", workerCommand, env, dir, dir.resolve("worker.log"));
      try {
        worker.awaitLog(Pattern.compile("Successfully registered with master"), Duration.ofSeconds(60));
        return new StandaloneCluster(master, worker, url, workDir);
      } catch (RuntimeException | AssertionError e) {
        worker.close();
        throw e;
      }
    } catch (RuntimeException | AssertionError e) {
      master.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  ManagedProcess master() {
    return master;
  }

  ManagedProcess worker() {
    return worker;
  }

  /** The executor JVMs the worker is running now. */
  List<ProcessHandle> executors() {
    return worker.handle().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
        .toList();
  }

  /** The stderr file of every executor the worker has started, by application and executor id. */
  List<Path> executorLogs() {
    if (!Files.isDirectory(workDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(workDir, 3)) {
      return files.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Polls the executors' logs until one matches {@code pattern}.
   *
   * @return the log file and the match
   */
  Map.Entry<Path, Matcher> awaitExecutorLog(Pattern pattern, ManagedProcess driver, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Path log : executorLogs()) {
        Matcher m = pattern.matcher(ManagedProcess.read(log));
        if (m.find()) {
          return Map.entry(log, m);
        }
      }
      if (!driver.isAlive()) {
        throw new AssertionError("the driver exited before an executor logged " + pattern + "; driver log:\n"
            + driver.tail(40));
      }
      ManagedProcess.sleep(50);
    }
    throw new AssertionError("no executor logged " + pattern + " within " + timeout);
  }

  @Override
  public void close() {
    worker.close();
    master.close();
  }
}
