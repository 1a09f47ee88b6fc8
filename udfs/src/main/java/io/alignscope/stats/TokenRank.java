package io.alignscope.stats;

/** Rank of a token in a next-token distribution (URIAL token distribution shift). */
public final class TokenRank {

  private TokenRank() {}

  /**
   * {@code η = 1 + #{v : p(v) > p(y)}}: the 1-based rank of token {@code y}. Ties do not count, so
   * tied tokens share the better rank.
   *
   * <p>Compares the log-scores directly: normalisation shifts every entry by the same constant and
   * does not change the order, and comparing logs keeps tiny probabilities distinct that {@code
   * exp} would underflow to the same 0.
   *
   * @param logProbs log-probabilities or log-scores over the vocabulary; non-empty, no NaN
   * @param token the token id {@code y}, in {@code [0, logProbs.length)}
   * @return the rank η ≥ 1
   * @throws IllegalArgumentException if {@code logProbs} is empty or has a NaN entry, or if {@code
   *     token} is out of range
   */
  public static int rank(double[] logProbs, int token) {
    Checks.requireNonEmpty(logProbs, "logProbs");
    if (token < 0 || token >= logProbs.length) {
      throw new IllegalArgumentException(
          "token " + token + " is out of range for a vocabulary of size " + logProbs.length);
    }
    Checks.requireNoNaN(logProbs, "logProbs");
    double target = logProbs[token];
    int higher = 0;
    for (double lp : logProbs) {
      if (lp > target) {
        higher++;
      }
    }
    return 1 + higher;
  }
}
