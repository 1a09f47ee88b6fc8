package io.alignscope.jobs.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small JSONL corpora cut from the sample bundled in the job jar, with their ids. */
final class ItCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ItCorpus() {}

  /** The sample's lines (one JSON object with id, source, prompt, response each). */
  static List<String> sampleLines() {
    try (InputStream in = ItCorpus.class.getResourceAsStream("/io/alignscope/jobs/sample/prompts.jsonl")) {
      if (in == null) {
        throw new IllegalStateException("the bundled sample corpus is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes sample lines [from, to) to {@code file}. */
  static Path write(Path file, int from, int to) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, sampleLines().subList(from, to));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ids of sample lines [from, to). */
  static Set<String> ids(int from, int to) {
    Set<String> ids = new LinkedHashSet<>();
    for (String line : new ArrayList<>(sampleLines().subList(from, to))) {
      try {
        ids.add(JSON.readTree(line).path("id").asText());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return ids;
  }
}
