package io.alignscope.jobs.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A SPARK_HOME assembled from Maven jars, since no Spark tarball can be downloaded here: jars/ links
 * the jars of deploy/spark-home/pom.xml (Spark 3.5.7, its full dependency set, hadoop-aws), and
 * bin/spark-submit is a small stand-in for the real script that runs Spark's own launcher.
 *
 * <p>jobs/target/spark-classpath.txt cannot serve as jars/: it lacks the Spark dependencies that
 * Maven resolved to compile scope because alignscope uses them too (commons-lang3, commons-io,
 * gson...), and a master or worker started from it fails on org.apache.commons.lang3.
 */
final class SparkHome {
  private static SparkHome instance;
  private final Path home;

  private SparkHome(Path home) {
    this.home = home;
  }

  /** The Spark home shared by all deployment ITs of this JVM, assembled on first use. */
  static synchronized SparkHome get() {
    if (instance == null) {
      instance = new SparkHome(assemble(ItEnvironment.shared().resolve("spark-home")));
    }
    return instance;
  }

  Path path() {
    return home;
  }

  /** The classpath of a Spark daemon: every jar of jars/ (a JVM wildcard). */
  String classpath() {
    return home.resolve("jars") + "/*";
  }

  Path sparkSubmit() {
    return home.resolve("bin/spark-submit");
  }

  private static Path assemble(Path home) {
    try {
      List<String> jars = resolve(home.getParent().resolve("spark-home-classpath.txt"));
      ItEnvironment.deleteTree(home);
      Path jarsDir = Files.createDirectories(home.resolve("jars"));
      for (String jar : jars) {
        Path source = Paths.get(jar);
        Files.createSymbolicLink(jarsDir.resolve(source.getFileName()), source);
      }
      Path bin = Files.createDirectories(home.resolve("bin"));
      try (InputStream in = SparkHome.class.getResourceAsStream("/deploy/spark-submit")) {
        if (in == null) {
          throw new IllegalStateException("test resource /deploy/spark-submit is missing");
        }
        Files.copy(in, bin.resolve("spark-submit"), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.setPosixFilePermissions(bin.resolve("spark-submit"), PosixFilePermissions.fromString("rwxr-xr-x"));
      return home;
    } catch (IOException e) {
      throw new IllegalStateException("cannot assemble a Spark home at " + home + ": " + e.getMessage(), e);
    }
  }

  /** The jars of deploy/spark-home/pom.xml, resolved by Maven once and cached next to the Spark home. */
  private static List<String> resolve(Path classpathFile) throws IOException {
    Path pom = ItEnvironment.root().resolve("deploy/spark-home/pom.xml");
    if (!Files.exists(classpathFile)
        || Files.getLastModifiedTime(classpathFile).compareTo(Files.getLastModifiedTime(pom)) < 0
        || !allExist(Files.readString(classpathFile))) {
      String mavenHome = System.getProperty("maven.home");
      String mvn = mavenHome != null ? Paths.get(mavenHome, "bin", "mvn").toString() : "mvn";
      List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q", "-f", pom.toString(),
          "dependency:build-classpath", "-Dmdep.outputFile=" + classpathFile));
      String repo = System.getProperty("maven.repo.local");
      if (repo != null && !repo.isBlank()) {
        command.add("-Dmaven.repo.local=" + repo);
      }
      Path log = classpathFile.resolveSibling("spark-home-mvn.log");
      try (ManagedProcess mvnProcess = ManagedProcess.start("mvn (spark home)", command,
          ItEnvironment.childEnvironment(), classpathFile.getParent(), log)) {
        int code = mvnProcess.waitFor(Duration.ofMinutes(10));
        if (code != 0) {
          throw new IllegalStateException("mvn could not resolve " + pom + " (exit " + code + "):\n" + mvnProcess.tail(30));
        }
      }
    }
    List<String> jars = new ArrayList<>();
    for (String entry : Files.readString(classpathFile).trim().split(":")) {
      if (!entry.isBlank()) {
        jars.add(entry);
      }
    }
    return jars;
  }

  private static boolean allExist(String classpath) {
    for (String entry : classpath.trim().split(":")) {
      if (entry.isBlank() || !Files.exists(Paths.get(entry))) {
        return false;
      }
    }
    return true;
  }
}
