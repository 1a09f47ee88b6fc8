package io.alignscope.stats;

/**
 * URIAL shift class of an aligned model's token under the base model, from its rank η: {@code η
 * = 1} unshifted, {@code η ∈ {2, 3}} marginal, {@code η > 3} shifted.
 */
public enum ShiftClass {
  /** η = 1: the base model's top token. */
  UNSHIFTED("unshifted"),
  /** η ∈ {2, 3}. */
  MARGINAL("marginal"),
  /** η > 3. */
  SHIFTED("shifted");

  private final String label;

  ShiftClass(String label) {
    this.label = label;
  }

  /**
   * The class of a rank.
   *
   * @param rank η ≥ 1, as returned by {@link TokenRank#rank(double[], int)}
   * @return {@link #UNSHIFTED} for 1, {@link #MARGINAL} for 2 and 3, {@link #SHIFTED} above 3
   * @throws IllegalArgumentException if {@code rank < 1}
   */
  public static ShiftClass ofRank(int rank) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    if (rank == 1) {
      return UNSHIFTED;
    }
    return rank <= 3 ? MARGINAL : SHIFTED;
  }

  /**
   * The lower-case name used in output and SQL: {@code "unshifted"}, {@code "marginal"} or {@code
   * "shifted"}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /** Returns {@link #label()}. */
  @Override
  public String toString() {
    return label;
  }
}
