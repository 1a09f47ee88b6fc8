package io.alignscope.jobs.config;

import java.io.Serializable;

/**
 * Fault injection for tests.
 *
 * @param failOnceStage stage whose partition fails on its first attempt ("" = off)
 * @param failOncePartition which partition
 */
public record TestingSettings(String failOnceStage, int failOncePartition) implements Serializable {
  static TestingSettings from(ConfigReader r) {
    return new TestingSettings(r.string("testing.fail-once-stage"),
        r.integer("testing.fail-once-partition", 0, 1_000_000));
  }

  /** Whether the first attempt of {@code partition} of {@code stage} must fail. */
  public boolean failsOnce(Stage stage, int partition) {
    return stage.configName().equals(failOnceStage) && partition == failOncePartition;
  }
}
