package io.alignscope.stats;

/** Which estimator produced a per-prompt branching factor. */
public enum BranchingFactorEstimator {
  /** {@code exp(mean_t H̄_t)}, used for short answers (L ≤ the AEP threshold). */
  ENTROPY,
  /** {@code exp(mean per-token NLL)} of the sampled tokens, used for long answers. */
  AEP
}
