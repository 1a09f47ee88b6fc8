package io.alignscope.stats;

/**
 * The knobs of the branching-factor estimators (Yang &amp; Holtzman 2025).
 *
 * @param lengthPercentile percentile of the sample lengths that caps the effective length L, in
 *     {@code [0, 100]}; default 95
 * @param minAlive stop at the first position where at most this many samples are still alive;
 *     ≥ 0, default 3
 * @param aepLengthThreshold the per-prompt estimate uses the entropy estimator when {@code L ≤}
 *     this, the AEP estimator otherwise; ≥ 0, default 50
 */
public record BranchingFactorSettings(
    double lengthPercentile, int minAlive, int aepLengthThreshold) {

  /** The paper's defaults: 95th percentile, min-alive 3, AEP above L = 50. */
  public static final BranchingFactorSettings DEFAULTS = new BranchingFactorSettings(95.0, 3, 50);

  /**
   * Validates the settings.
   *
   * @param lengthPercentile in {@code [0, 100]}
   * @param minAlive ≥ 0
   * @param aepLengthThreshold ≥ 0
   * @throws IllegalArgumentException if {@code lengthPercentile} is outside {@code [0, 100]} or
   *     {@code minAlive} or {@code aepLengthThreshold} is negative
   */
  public BranchingFactorSettings {
    if (!(lengthPercentile >= 0.0 && lengthPercentile <= 100.0)) {
      throw new IllegalArgumentException(
          "lengthPercentile must be in [0, 100], got " + lengthPercentile);
    }
    if (minAlive < 0) {
      throw new IllegalArgumentException("minAlive must be >= 0, got " + minAlive);
    }
    if (aepLengthThreshold < 0) {
      throw new IllegalArgumentException(
          "aepLengthThreshold must be >= 0, got " + aepLengthThreshold);
    }
  }
}
