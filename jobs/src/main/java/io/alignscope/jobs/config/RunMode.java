package io.alignscope.jobs.config;

/** What to do with outputs an earlier run left in the output folder. */
public enum RunMode {
  /** Replace them. */
  OVERWRITE,
  /** Keep rows already written (by id) and add only new ones. */
  RESUME,
  /** Stop if the folder already holds a run. */
  FAIL
}
