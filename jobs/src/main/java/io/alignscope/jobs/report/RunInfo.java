package io.alignscope.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.alignscope.jobs.config.JobConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the report says about a run besides its tables: the title, the run's name and folder, its
 * effective configuration and, when the run finished, its manifest.
 *
 * <p>Inside a run the report stage precedes the manifest, so the configuration comes from the job
 * ({@link #of}); re-rendering a finished run takes both from {@code manifest.json}
 * ({@link #fromManifest}).
 *
 * @param title page title
 * @param runName the run's name
 * @param root the run's output folder
 * @param config the effective configuration as JSON (the keys of alignscope-defaults.conf), or a
 *     missing node when unknown
 * @param manifest the run manifest, or a missing node when there is none
 * @param versions component versions (alignscope, Spark, ...), possibly empty
 * @param generated when the report was rendered
 */
public record RunInfo(String title, String runName, String root, JsonNode config, JsonNode manifest,
    Map<String, String> versions, Instant generated) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The title when the configuration names none. */
  public static final String DEFAULT_TITLE = "alignscope report";

  /** The run being executed, from its validated configuration. */
  public static RunInfo of(JobConfig config, Map<String, String> versions) {
    return new RunInfo(config.report().title(), config.run().name(), config.run().output(), parse(config.rendered()),
        MissingNode.getInstance(), Collections.unmodifiableMap(new LinkedHashMap<>(versions)), Instant.now());
  }

  /** A finished (or interrupted) run in {@code root}; {@code manifest} may be null when there is none. */
  public static RunInfo fromManifest(String root, JsonNode manifest) {
    JsonNode m = manifest == null ? MissingNode.getInstance() : manifest;
    JsonNode config = m.path("config");
    String title = config.path("report").path("title").asText(DEFAULT_TITLE);
    String name = m.path("run").path("name").asText(lastSegment(root));
    Map<String, String> versions = new LinkedHashMap<>();
    m.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
    return new RunInfo(title.isBlank() ? DEFAULT_TITLE : title, name, root, config, m, versions, Instant.now());
  }

  /** A configuration value as text by path, e.g. {@code setting("bf", "samples")}; "" when absent. */
  public String setting(String... path) {
    JsonNode node = config;
    for (String key : path) {
      node = node.path(key);
    }
    if (node.isMissingNode() || node.isNull()) {
      return "";
    }
    if (node.isArray()) {
      StringBuilder joined = new StringBuilder();
      node.forEach(n -> joined.append(joined.length() == 0 ? "" : ", ").append(n.asText()));
      return joined.toString();
    }
    return node.asText();
  }

  private static JsonNode parse(String rendered) {
    try {
      return JSON.readTree(rendered);
    } catch (IOException e) {
      throw new IllegalArgumentException("the rendered configuration is not JSON: " + e.getMessage(), e);
    }
  }

  private static String lastSegment(String root) {
    String trimmed = root.replaceAll("/+$", "");
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
