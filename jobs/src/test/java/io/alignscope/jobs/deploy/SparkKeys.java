package io.alignscope.jobs.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.internal.config.ConfigEntry$;

/**
 * Whether a property name is one Spark, Hadoop or YARN knows, so that a typo in a deployment spec
 * fails a test instead of being silently ignored on the cluster.
 *
 * <ul>
 *   <li>Spark keys: Spark's own registry of config entries (every {@code ConfigEntry} registers
 *       itself when its holder object initialises: core, UI, network, deploy, SQL...), or a
 *       documented pattern with a free-form part (spark.executorEnv.NAME, spark.yarn.appMasterEnv.NAME,
 *       spark.kubernetes.driverEnv.NAME, resource amounts and discovery scripts per resource name).
 *       The YARN and Kubernetes modules' own keys are not on this classpath; the specs use none
 *       besides those patterns.
 *   <li>spark.hadoop.KEY: KEY must be in Hadoop's core-default.xml, yarn-default.xml or
 *       mapred-default.xml (inside hadoop-client-api).
 *   <li>YARN daemon keys (yarn-site): yarn-default.xml; capacity-scheduler and container-executor
 *       keys: the few documented ones listed here (their defaults files ship with Hadoop
 *       distributions, not with the client jars).
 * </ul>
 */
final class SparkKeys {
  private static final List<String> HOLDERS = List.of(
      "org.apache.spark.internal.config.package$",
      "org.apache.spark.internal.config.UI$",
      "org.apache.spark.internal.config.Network$",
      "org.apache.spark.internal.config.Deploy$",
      "org.apache.spark.internal.config.Worker$",
      "org.apache.spark.internal.config.Kryo$",
      "org.apache.spark.internal.config.History$",
      "org.apache.spark.internal.config.Status$",
      "org.apache.spark.internal.config.Python$",
      "org.apache.spark.sql.internal.SQLConf$",
      "org.apache.spark.sql.internal.StaticSQLConf$");

  /** Spark keys with a free-form part, as Spark's configuration docs describe them. */
  private static final List<Pattern> SPARK_PATTERNS = List.of(
      Pattern.compile("spark\\.executorEnv\\.[A-Za-z_][A-Za-z0-9_]*"),
      Pattern.compile("spark\\.yarn\\.appMasterEnv\\.[A-Za-z_][A-Za-z0-9_]*"),
      Pattern.compile("spark\\.kubernetes\\.driverEnv\\.[A-Za-z_][A-Za-z0-9_]*"),
      Pattern.compile("spark\\.(driver|executor|worker)\\.resource\\.[a-z][a-z0-9.]*\\.(amount|discoveryScript|vendor)"),
      Pattern.compile("spark\\.task\\.resource\\.[a-z][a-z0-9.]*\\.amount"));

  /** Documented application properties Spark reads as plain SparkConf strings, not config entries. */
  private static final Set<String> PLAIN_SPARK_KEYS = Set.of("spark.master", "spark.app.name");

  /**
   * Keys of daemons' own files (not Spark properties), each documented by Hadoop: the Capacity
   * Scheduler's resource calculator ("Using GPU On YARN", capacity-scheduler.xml) and
   * container-executor.cfg's GPU and cgroups sections.
   */
  private static final Map<String, Set<String>> DAEMON_KEYS = Map.of(
      "capacity-scheduler", Set.of("yarn.scheduler.capacity.resource-calculator"),
      "container-executor/gpu", Set.of("module.enabled"),
      "container-executor/cgroups", Set.of("root", "yarn-hierarchy"),
      "spark-env", Set.of("JAVA_HOME"));

  private static Set<String> hadoopKeys;

  private SparkKeys() {}

  /** Null when {@code key} is a known Spark property, else why not. */
  static String checkSpark(String key) {
    registry();
    if (ConfigEntry$.MODULE$.findEntry(key) != null || PLAIN_SPARK_KEYS.contains(key)) {
      return null;
    }
    for (Pattern p : SPARK_PATTERNS) {
      if (p.matcher(key).matches()) {
        return null;
      }
    }
    if (key.startsWith("spark.hadoop.")) {
      String hadoop = key.substring("spark.hadoop.".length());
      return hadoopKeys().contains(hadoop) ? null : "spark.hadoop." + hadoop + ": " + hadoop
          + " is in none of Hadoop's core/yarn/mapred defaults";
    }
    return key + " is neither a registered Spark config entry nor a documented Spark key pattern";
  }

  /** Null when {@code key} is a known key of a YARN daemon file ("yarn-site", "capacity-scheduler"...). */
  static String checkDaemon(String file, String key) {
    if (file.equals("yarn-site") || file.equals("yarn")) {
      return hadoopKeys().contains(key) ? null : key + " is not in yarn-default.xml";
    }
    Set<String> known = DAEMON_KEYS.get(file);
    if (known == null) {
      return "no key list for " + file;
    }
    return known.contains(key) ? null : key + " is not a documented " + file + " key";
  }

  private static synchronized void registry() {
    for (String holder : HOLDERS) {
      try {
        Class.forName(holder, true, SparkKeys.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Spark config holder " + holder + " not on the classpath", e);
      }
    }
  }

  private static synchronized Set<String> hadoopKeys() {
    if (hadoopKeys == null) {
      Set<String> keys = new HashSet<>();
      for (String file : List.of("core-default.xml", "yarn-default.xml", "mapred-default.xml")) {
        try (InputStream in = SparkKeys.class.getClassLoader().getResourceAsStream(file)) {
          if (in == null) {
            throw new IllegalStateException(file + " is not on the classpath (hadoop-client-api)");
          }
          Matcher m = Pattern.compile("<name>\\s*([^<\\s]+)\\s*</name>")
              .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (m.find()) {
            keys.add(m.group(1));
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      hadoopKeys = keys;
    }
    return hadoopKeys;
  }
}
