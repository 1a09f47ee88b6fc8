package io.alignscope.jobs.config;

/** Whose continuations the branching-factor stage samples. */
public enum BfModel {
  BASE,
  ALIGNED,
  /** The base model nudged by the aligned model. */
  NUDGED;

  /** The configuration (and output) name. */
  public String configName() {
    return ConfigReader.nameOf(this);
  }
}
