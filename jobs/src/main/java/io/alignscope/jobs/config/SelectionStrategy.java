package io.alignscope.jobs.config;

/** How the budgeted subset is ranked. */
public enum SelectionStrategy {
  /** By one score. */
  TOP_K,
  /** By a weighted sum of rank-normalised scores. */
  WEIGHTED,
  /** The weighted ranking within each source, the budget split in proportion to source sizes. */
  STRATIFIED,
  /** A seeded uniform sample (the baseline). */
  RANDOM
}
