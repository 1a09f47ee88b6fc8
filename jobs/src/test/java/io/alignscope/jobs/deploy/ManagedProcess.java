package io.alignscope.jobs.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process of a test (a Spark daemon, spark-submit, moto) with its output in a log file.
 * Closing it kills the process and everything it started.
 */
final class ManagedProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir} with exactly {@code env}; stdout and stderr go to {@code log}. */
  static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      Files.createDirectories(workDir);
      return new ManagedProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + " (" + command + "): " + e.getMessage(), e);
    }
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path logFile() {
    return log;
  }

  String log() {
    return read(log);
  }

  /** The last lines of the log, for failure messages. */
  String tail(int lines) {
    List<String> all = log().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Waits until the log matches {@code pattern}; fails if the process exits first or time runs out. */
  Matcher awaitLog(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(log());
      if (m.find()) {
        return m;
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited (" + process.exitValue() + ") before its log showed " + pattern
            + "; last lines:\n" + tail(40));
      }
      sleep(200);
    }
    throw new AssertionError(name + " did not log " + pattern + " within " + timeout + "; last lines:\n" + tail(40));
  }

  /** Waits for the exit and returns the exit code; kills the process and fails on timeout. */
  int waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new AssertionError(name + " still running after " + timeout + "; killed. Last lines:\n" + tail(60));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new AssertionError("interrupted while waiting for " + name, e);
    }
  }

  /** Kills the process tree: children first (a worker's executors), then the process itself. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.toHandle().descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
