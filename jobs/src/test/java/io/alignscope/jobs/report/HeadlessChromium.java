package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for page tests: dumps the DOM after the page's scripts ran, or takes a
 * screenshot. A missing browser fails the test with how to install it, unless
 * ALIGNSCOPE_SKIP_BROWSER_TESTS=1 (then the test is skipped).
 */
final class HeadlessChromium {
  static final String SKIP_ENV = "ALIGNSCOPE_SKIP_BROWSER_TESTS";
  static final String BINARY_ENV = "ALIGNSCOPE_CHROMIUM";
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
      "google-chrome-stable");
  private static final long TIMEOUT_SECONDS = 120;
  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** The browser, or a skipped test (ALIGNSCOPE_SKIP_BROWSER_TESTS=1), or a failed one. */
  static HeadlessChromium require() {
    Assumptions.assumeFalse("1".equals(System.getenv(SKIP_ENV)),
        SKIP_ENV + "=1: browser tests skipped");
    Path found = find();
    if (found == null) {
      fail("headless Chromium not found (looked for " + NAMES + " on PATH and $" + BINARY_ENV + "). Install it "
          + "with 'apt-get install -y chromium' (Debian/Ubuntu) or point " + BINARY_ENV + " at a Chrome/Chromium "
          + "binary; set " + SKIP_ENV + "=1 to skip the browser tests.");
    }
    return new HeadlessChromium(found);
  }

  /** The DOM after the page's scripts ran (virtual time budget 10 s). */
  String dumpDom(Path page) {
    return run(List.of("--dump-dom", page.toUri().toString()));
  }

  /** A PNG screenshot of the page at the given window size. */
  void screenshot(Path page, Path png, int width, int height) {
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars", page.toUri().toString()));
    if (!Files.isRegularFile(png)) {
      fail("Chromium wrote no screenshot to " + png);
    }
  }

  private String run(List<String> args) {
    Path profile = null;
    try {
      profile = Files.createTempDirectory("alignscope-chromium");
      List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
          "--virtual-time-budget=10000"));
      command.addAll(args);
      Path stderr = profile.resolve("stderr.txt");
      Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      p.getOutputStream().close();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
      }
      if (p.exitValue() != 0) {
        fail("Chromium exited " + p.exitValue() + ": " + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      return out.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      delete(profile);
    }
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path find() {
    String explicit = System.getenv(BINARY_ENV);
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return Files.isExecutable(p) ? p : null;
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
