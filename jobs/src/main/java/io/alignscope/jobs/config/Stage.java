package io.alignscope.jobs.config;

/** The stages of a run, in the order they execute. */
public enum Stage {
  /** Token distribution shift (URIAL). */
  SHIFT,
  /** Branching factor of sampled continuations. */
  BF,
  /** Greedy nudged outputs. */
  NUDGE,
  /** Data selection. */
  SELECT,
  /** The HTML report. */
  REPORT;

  /** The configuration name, e.g. "shift". */
  public String configName() {
    return ConfigReader.nameOf(this);
  }
}
