package io.alignscope.jobs.config;

/** Direction of the ISA ranking. */
public enum IsaOrder {
  /** Lowest likelihood first: the paper as written. */
  ATYPICAL_FIRST,
  /** Highest likelihood first. */
  TYPICAL_FIRST
}
