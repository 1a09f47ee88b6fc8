package io.alignscope.jobs.config;

import java.io.Serializable;
import java.util.List;

/**
 * @param output output folder or Hadoop URI
 * @param stages stages to run, in execution order
 * @param mode handling of earlier outputs
 * @param name run name
 */
public record RunSettings(String output, List<Stage> stages, RunMode mode, String name) implements Serializable {

  static RunSettings from(ConfigReader r) {
    String output = r.string("run.output");
    r.check("run.output", "''", !output.isBlank(), "must name a folder or URI");
    List<Stage> stages = r.choices("run.stages", Stage.class).stream().sorted().toList();
    r.check("run.stages", "[]", !stages.isEmpty() || r.strings("run.stages").size() > 0, "must name at least one stage");
    return new RunSettings(output, stages, r.choice("run.mode", RunMode.class), r.string("run.name"));
  }

  /** Whether {@code stage} runs. */
  public boolean runs(Stage stage) {
    return stages.contains(stage);
  }
}
