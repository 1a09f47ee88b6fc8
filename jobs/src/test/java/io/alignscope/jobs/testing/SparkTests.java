package io.alignscope.jobs.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/** Shared test setup: a light local SparkSession and the location of the shared corpora. */
public final class SparkTests {
  private SparkTests() {}

  /** A session on {@code master} (e.g. "local[2]", or "local[2,4]" to allow task retries). */
  public static SparkSession session(String name, String master) {
    return SparkSession.builder()
        .master(master)
        .appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  /** Stops a session and forgets it, so the next test class starts clean. */
  public static void stop(SparkSession spark) {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  /** ../shared/data next to the repository: the real corpora tests use (never copied in). */
  public static Path sharedData() {
    Path repoRoot = Paths.get("").toAbsolutePath().getParent();
    Path data = repoRoot.getParent().resolve("shared").resolve("data");
    if (!Files.isDirectory(data)) {
      fail("shared corpora not found at " + data + " (expected ../shared/data next to the repo)");
    }
    return data;
  }
}
