package io.alignscope.jobs.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a small JSONL corpus shipped as a classpath resource. The lines are read on the driver and
 * handed to Spark as a dataset, which (unlike a temporary file on the driver's disk) also works
 * when executors run on other machines.
 */
final class EmbeddedCorpus {

  private EmbeddedCorpus() {}

  /**
   * The lines of {@code resource}.
   *
   * @throws IllegalArgumentException naming the resource when it is not on the classpath
   */
  static List<String> lines(String resource) {
    InputStream in = EmbeddedCorpus.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException(
          "embedded corpus resource " + resource + " is not on the classpath");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read embedded corpus " + resource, e);
    }
  }
}
