package io.alignscope.jobs.config;

/** Which per-step entropy the branching factor uses. */
public enum EntropyMode {
  /** The real sampling distribution over the full vocabulary. */
  EXACT,
  /** Top-K log-probs, then top-p, renormalised: the reference code's form. */
  PAPER_COMPATIBLE
}
