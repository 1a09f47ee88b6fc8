package io.alignscope.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The job jar on a real Spark standalone cluster (a master and a worker JVM on 127.0.0.1), submitted
 * with deploy/bin/alignscope-submit --profile cpu-cluster in client mode, while the test kills the
 * worker's executor JVM (SIGKILL) in the middle of the branching-factor stage.
 *
 * <p>The moment: executors log "bf partition P: N rows" when a model task starts a partition and
 * "bf partition P done" when it finishes (PartitionProgress). The test polls the executor's stderr
 * in the worker's work folder and kills the executor as soon as a bf partition has started; the
 * stage is made slow enough (8 samples x 32 tokens x 3 models per prompt, ~10 s per partition
 * here) that the partition is still running then, which the test checks afterwards from the dead
 * executor's log. The worker starts a replacement executor, Spark re-runs the lost tasks (and the
 * lost shuffle output they read), and the outputs hold every expected row exactly once.
 */
class StandaloneClusterIT {
  private static final Pattern BF_PARTITION_STARTED = Pattern.compile("bf partition (\\d+): \\d+ rows");
  private static final int PROMPTS = 16;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void runsOnAStandaloneClusterAndSurvivesAKilledExecutor() throws Exception {
    Path dir = ItEnvironment.scratch("standalone");
    Path corpus = ItCorpus.write(dir.resolve("corpus.jsonl"), 0, PROMPTS);
    Set<String> expectedIds = ItCorpus.ids(0, PROMPTS);
    Path output = dir.resolve("out");
    TinyModels models = TinyModels.get();
    SparkHome home = SparkHome.get();
    List<String> timings = new ArrayList<>();

    long clusterStart = System.nanoTime();
    try (StandaloneCluster cluster = StandaloneCluster.start(home, dir, 2, "3g")) {
      timings.add(String.format("cluster up: %.1f s", seconds(clusterStart)));
      List<String> args = new ArrayList<>(List.of("--profile", "cpu-cluster",
          "--master", cluster.masterUrl(), "--deploy-mode", "client",
          // The profile's 4 cores / 8g executors do not fit this 2-core, 3g worker.
          "--conf", "spark.executor.cores=2", "--conf", "spark.executor.memory=2g"));
      args.addAll(AlignscopeSubmit.smallDriver());
      args.addAll(List.of("run",
          "--set", "corpus.path=" + corpus,
          "--set", "run.output=" + output,
          "--set", "run.stages=[shift, bf]",
          "--set", "shift.max-new-tokens=16",
          "--set", "bf.samples=8",
          "--set", "bf.max-new-tokens=32",
          "--set", "spark.partitions=4",
          // The profile's cache folder is /mnt/alignscope-models; keep this test inside target/.
          "--set", "models.cache-dir=" + dir.resolve("model-cache")));
      args.addAll(models.overrides());

      long submitted = System.nanoTime();
      try (ManagedProcess driver = AlignscopeSubmit.start(args, Map.of(), dir, dir.resolve("driver.log"))) {
        Map.Entry<Path, Matcher> started = cluster.awaitExecutorLog(BF_PARTITION_STARTED, driver, Duration.ofMinutes(8));
        String executorId = started.getKey().getParent().getFileName().toString();
        ProcessHandle victim = cluster.executors().stream()
            .filter(p -> p.info().commandLine().orElse("").contains("--executor-id " + executorId + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no running executor JVM with id " + executorId));
        victim.destroyForcibly();
        victim.onExit().get(30, TimeUnit.SECONDS);
        timings.add(String.format("executor %s (pid %d) killed %.1f s after submission, in bf partition %s",
            executorId, victim.pid(), seconds(submitted), started.getValue().group(1)));

        int code = driver.waitFor(Duration.ofMinutes(10));
        timings.add(String.format("job finished %.1f s after submission (exit %d)", seconds(submitted), code));
        assertEquals(0, code, "alignscope-submit failed; driver log tail:\n" + driver.tail(80));

        Set<String> interrupted = unfinishedPartitions(ManagedProcess.read(started.getKey()));
        assertFalse(interrupted.isEmpty(), "the killed executor had finished every bf partition it started, so the "
            + "kill came too late to test recovery; its log:\n" + ManagedProcess.read(started.getKey()));
        String driverLog = driver.log();
        assertTrue(driverLog.contains("Lost executor " + executorId) || driverLog.contains("ExecutorLostFailure"),
            "the driver never noticed the lost executor");
        List<Path> replacements = cluster.executorLogs().stream().filter(p -> !p.equals(started.getKey())).toList();
        assertFalse(replacements.isEmpty(), "the worker started no replacement executor");
        for (String partition : interrupted) {
          assertTrue(replacements.stream().anyMatch(p -> ManagedProcess.read(p)
                  .contains("bf partition " + partition + " done")),
              "no replacement executor finished bf partition " + partition);
        }
      }
    } finally {
      timings.add(String.format("total (cluster start to cluster stop): %.1f s", seconds(clusterStart)));
      Files.write(dir.resolve("timings.txt"), timings);
      timings.forEach(System.out::println);
    }

    try (RunOutputs run = new RunOutputs(output)) {
      assertEquals(expectedIds, run.idsOnce("corpus", "id"));
      assertEquals(expectedIds, run.idsOnce("shift/examples", "id"));
      assertEquals(PROMPTS, run.count("shift/examples"));
      assertEquals(expectedIds, run.idsOnce("bf/prompts", "id", "model"));
      assertEquals(3L * PROMPTS, run.count("bf/prompts"), "one row per prompt and model (base, aligned, nudged)");
      JsonNode manifest = run.manifest();
      assertEquals(PROMPTS, manifest.path("outputs").path("shift/examples").path("rows").asLong());
      assertEquals(3L * PROMPTS, manifest.path("outputs").path("bf/prompts").path("rows").asLong());
      assertEquals(PROMPTS, manifest.path("counts").path("accepted_rows").asLong());
      assertTrue(manifest.path("run").has("finished"));
    }
  }

  /** Partitions whose start the log shows but not their end. */
  private static Set<String> unfinishedPartitions(String log) {
    Set<String> open = new TreeSet<>();
    Matcher started = BF_PARTITION_STARTED.matcher(log);
    while (started.find()) {
      open.add(started.group(1));
    }
    open.removeIf(p -> log.contains("bf partition " + p + " done"));
    return open;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
