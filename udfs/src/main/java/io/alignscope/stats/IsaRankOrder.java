package io.alignscope.stats;

/** Direction in which {@link IsaInformationScore#rank(double[], IsaRankOrder)} orders points. */
public enum IsaRankOrder {
  /**
   * Ascending ΔH: lowest likelihood (most atypical) first. This is the ISA paper as written, and
   * the default.
   */
  ATYPICAL_FIRST,
  /** Descending ΔH: highest likelihood (most typical) first. */
  TYPICAL_FIRST;

  /** The paper's order, {@link #ATYPICAL_FIRST}. */
  public static final IsaRankOrder DEFAULT = ATYPICAL_FIRST;
}
