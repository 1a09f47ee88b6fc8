package io.alignscope.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the deployment integration tests find what the build made: the repository, the shaded job
 * jar, a scratch folder under target/, and the Java that runs every child process. Paths come from
 * the failsafe configuration in jobs/pom.xml, with fallbacks for running a test from an IDE.
 */
final class ItEnvironment {
  private ItEnvironment() {}

  /** The repository root (the folder holding deploy/, conf/ and jobs/). */
  static Path root() {
    String configured = System.getProperty("alignscope.root");
    Path root = configured != null ? Paths.get(configured) : Paths.get("").toAbsolutePath().getParent();
    return root.toAbsolutePath().normalize();
  }

  /** jobs/target/alignscope.jar, which must have been built (the package phase runs before the ITs). */
  static Path jar() {
    String configured = System.getProperty("alignscope.jar");
    Path jar = configured != null ? Paths.get(configured) : root().resolve("jobs/target/alignscope.jar");
    assertTrue(Files.isRegularFile(jar), "the shaded job jar " + jar + " is missing: run mvn package -pl jobs first");
    return jar;
  }

  /** jobs/target/spark-classpath.txt: the Spark jars the launcher bin/alignscope runs the jar with. */
  static String sparkClasspath() {
    Path file = root().resolve("jobs/target/spark-classpath.txt");
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A scratch folder for one test class under jobs/target/it (kept after the run for inspection). */
  static Path scratch(String name) {
    String configured = System.getProperty("alignscope.itDir");
    Path base = configured != null ? Paths.get(configured) : root().resolve("jobs/target/it");
    Path dir = base.resolve(name);
    try {
      deleteTree(dir);
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The folder shared by all deployment ITs (the Spark home, the tiny models). */
  static Path shared() {
    String configured = System.getProperty("alignscope.itDir");
    Path base = configured != null ? Paths.get(configured) : root().resolve("jobs/target/it");
    try {
      return Files.createDirectories(base);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The java executable of the JVM running the tests (Java 17). */
  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String javaHome() {
    return System.getProperty("java.home");
  }

  /** A property of the root pom, e.g. spark.java17.opens. */
  static String pomProperty(String name) {
    try {
      String pom = Files.readString(root().resolve("pom.xml"));
      Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">(.*?)</" + Pattern.quote(name) + ">", Pattern.DOTALL)
          .matcher(pom);
      if (!m.find()) {
        throw new IllegalStateException("root pom.xml has no property " + name);
      }
      return m.group(1).trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Java 17 --add-opens flags Spark needs (the root pom's spark.java17.opens). */
  static String java17Opens() {
    return pomProperty("spark.java17.opens");
  }

  /**
   * The environment every child process starts from: this one, minus anything that would point a
   * child at another Spark or at real cloud credentials, plus loopback-only networking and DJL's
   * offline switches.
   */
  static Map<String, String> childEnvironment() {
    Map<String, String> env = new LinkedHashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("AWS_") || k.startsWith("HADOOP_")
        || k.equals("PYSPARK_PYTHON"));
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("JAVA_HOME", javaHome());
    env.put("DJL_OFFLINE", "true");
    env.put("OPT_OUT_TRACKING", "true");
    env.put("PYTORCH_FLAVOR", "cpu");
    env.put("RUST_FLAVOR", "cpu");
    return env;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
