package io.alignscope.jobs.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.jobs.models.ModelIdentity;
import io.alignscope.jobs.pipeline.StageSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run manifest ({@code manifest.json}): configuration, versions, model identities, row counts
 * (input, accepted, rejects per stage and reason) and every output table with its row count.
 * Written last, so its presence marks a finished run.
 */
public final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode root = JSON.createObjectNode();

  public RunManifest(String name, Instant started, String renderedConfig, Map<String, String> versions,
      List<ModelIdentity> models) {
    ObjectNode run = root.putObject("run");
    run.put("name", name);
    run.put("started", started.toString());
    root.set("versions", JSON.valueToTree(versions));
    try {
      root.set("config", JSON.readTree(renderedConfig));
    } catch (IOException e) {
      root.put("config", renderedConfig);
    }
    ArrayNode modelNodes = root.putArray("models");
    models.forEach(m -> modelNodes.add(JSON.valueToTree(m)));
    root.putObject("counts");
    root.putObject("outputs");
    root.putObject("stages");
  }

  /** Input, accepted and per-stage reject counts. */
  public void counts(long input, long accepted, Map<String, Map<String, Long>> rejectsByStage) {
    ObjectNode counts = (ObjectNode) root.get("counts");
    counts.put("input_rows", input);
    counts.put("accepted_rows", accepted);
    counts.set("rejects", JSON.valueToTree(rejectsByStage));
    counts.put("rejected_rows", rejectsByStage.values().stream()
        .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum());
  }

  /** Records an output table. */
  public void output(String table, String path, long rows) {
    ((ObjectNode) root.get("outputs")).putObject(table).put("path", path).put("rows", rows);
  }

  /** Records a stage's timing, tables and headline numbers. */
  public void stage(StageSummary summary) {
    ObjectNode node = ((ObjectNode) root.get("stages")).putObject(summary.stage());
    node.put("seconds", summary.seconds());
    node.set("headline", JSON.valueToTree(summary.headline()));
    summary.tables().forEach((table, rows) -> ((ObjectNode) root.get("outputs")).putObject(table).put("rows", rows));
  }

  /** Marks the run finished and writes the manifest to {@code path} (any Hadoop filesystem). */
  public void write(String path, Instant finished, Configuration hadoop) throws IOException {
    ObjectNode run = (ObjectNode) root.get("run");
    run.put("finished", finished.toString());
    run.put("seconds", (finished.toEpochMilli() - Instant.parse(run.get("started").asText()).toEpochMilli()) / 1000.0);
    Path target = new Path(path);
    FileSystem fs = target.getFileSystem(hadoop);
    try (OutputStream out = fs.create(target, true)) {
      out.write(JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The manifest as JSON. */
  public JsonNode json() {
    return root;
  }
}
