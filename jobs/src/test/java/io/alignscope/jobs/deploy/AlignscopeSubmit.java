package io.alignscope.jobs.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs deploy/bin/alignscope-submit as a user would, with spark-submit being the {@link SparkHome}
 * stand-in (Spark's launcher builds the driver command, so client-mode driver settings such as
 * spark.driver.memory and spark.driver.extraJavaOptions take effect as with the real script).
 */
final class AlignscopeSubmit {
  private AlignscopeSubmit() {}

  /** The environment of a submission; {@code extra} is added (e.g. AWS credentials for moto). */
  static Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = ItEnvironment.childEnvironment();
    env.put("SPARK_SUBMIT", SparkHome.get().sparkSubmit().toString());
    env.put("ALIGNSCOPE_JAR", ItEnvironment.jar().toString());
    env.putAll(extra);
    return env;
  }

  /** Starts {@code alignscope-submit args...}; the driver's output goes to {@code log}. */
  static ManagedProcess start(List<String> args, Map<String, String> extraEnv, Path dir, Path log) {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(ItEnvironment.root().resolve("deploy/bin/alignscope-submit").toString());
    command.addAll(args);
    return ManagedProcess.start("alignscope-submit", command, environment(extraEnv), dir, log);
  }

  /** The spark-submit settings every test run uses on this shared 2-core machine. */
  static List<String> smallDriver() {
    return List.of("--conf", "spark.driver.memory=1g", "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4");
  }
}
