package io.alignscope.stats;

/** The branching-factor worked example, shared by the pure and the Spark tests (read-only). */
public final class BranchingFactorExample {

  /**
   * Worked example: six samples of lengths 2, 4, 5, 6, 7, 10.
   *
   * <pre>
   * P95 of [2,4,5,6,7,10]: h = 5·0.95 = 4.75 → 7 + 0.75·(10 − 7) = 9.25 → L0 = 9
   * alive(t): t=0,1 → 6; t=2,3 → 5; t=4 → 4; t=5 → 3 ≤ 3 → cut: L = 5
   *
   * H̄_0 = (1 + 1 + 0.5 + 2 + 0.5 + 1)/6 = 6/6   = 1.0
   * H̄_1 = (2 + 1 + 0.5 + 2 + 0.5 + 0)/6 = 6/6   = 1.0
   * H̄_2 = (    1 + 0.5 + 2 + 1.5 + 1)/5 = 6/5   = 1.2   (sample 0 has ended)
   * H̄_3 = (    1 + 0.5 + 2 + 1.5 + 0.5)/5 = 5.5/5 = 1.1
   * H̄_4 = (        0.5 + 2 + 1.0 + 1.5)/4 = 5/4 = 1.25  (sample 1 has ended)
   * BF_H = exp((1 + 1 + 1.2 + 1.1 + 1.25)/5) = exp(5.55/5) = exp(1.11)
   *
   * AEP pairs t &lt; min(5, len_i): 2 + 4 + 5 + 5 + 5 + 5 = 26
   * NLL sums over those: 4 + 4 + 0 + 5 + 6 + 3 = 22 → BF_AEP = exp(22/26) = exp(11/13)
   * </pre>
   *
   * The 9s and 99s beyond t = 5 would change both results if the cut were wrong.
   */
  public static final double[][] ENTROPIES = {
    {1.0, 2.0},
    {1.0, 1.0, 1.0, 1.0},
    {0.5, 0.5, 0.5, 0.5, 0.5},
    {2.0, 2.0, 2.0, 2.0, 2.0, 2.0},
    {0.5, 0.5, 1.5, 1.5, 1.0, 9, 9},
    {1.0, 0.0, 1.0, 0.5, 1.5, 9, 9, 9, 9, 9},
  };

  /** NLLs of the sampled tokens, same shape as {@link #ENTROPIES}; worked out there. */
  public static final double[][] NLLS = {
    {2, 2},
    {1, 1, 1, 1},
    {0, 0, 0, 0, 0},
    {1, 1, 1, 1, 1, 99},
    {2, 0, 2, 0, 2, 99, 99},
    {0.6, 0.6, 0.6, 0.6, 0.6, 99, 99, 99, 99, 99},
  };

  private BranchingFactorExample() {}
}
