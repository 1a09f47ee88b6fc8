package io.alignscope.stats;

/**
 * Branching factor as a function of position, for one prompt's sampled answers. Both curves only
 * use positions below the shortest sample's length, so every value averages over all M samples.
 */
public final class BranchingFactorCurves {

  /** Default window width of {@link #windowed(double[][], int)}: 5 tokens. */
  public static final int DEFAULT_WINDOW = 5;

  private BranchingFactorCurves() {}

  /**
   * Windowed curve. With {@code minLen = min_i len_i}, windows {@code k = 0..floor(minLen/w) − 1}
   * cover {@code t ∈ [k·w, (k+1)·w)} and
   *
   * <pre>value_k = (1/M) Σ_i exp( (1/w) Σ_{t in window k} H_i[t] )</pre>
   *
   * @param entropies per-sample per-step entropies in nats; non-empty, entries finite and ≥ 0
   * @param window the window width w ≥ 1
   * @return one value per full window; empty if {@code minLen < w}
   * @throws IllegalArgumentException if {@code entropies} is empty, has a null row or a bad entry,
   *     or {@code window < 1}
   */
  public static double[] windowed(double[][] entropies, int window) {
    BranchingFactor.requireSteps(entropies, "entropies");
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    double[] curve = new double[minLength(entropies) / window];
    for (int k = 0; k < curve.length; k++) {
      double sum = 0.0;
      for (double[] sample : entropies) {
        double windowSum = 0.0;
        for (int t = k * window; t < (k + 1) * window; t++) {
          windowSum += sample[t];
        }
        sum += Math.exp(windowSum / window);
      }
      curve[k] = sum / entropies.length;
    }
    return curve;
  }

  /**
   * Cumulative-prefix curve: for {@code t = 0..minLen − 1},
   *
   * <pre>value_t = (1/M) Σ_i exp( (1/(t+1)) Σ_{s≤t} H_i[s] )</pre>
   *
   * @param entropies per-sample per-step entropies in nats; non-empty, entries finite and ≥ 0
   * @return {@code minLen} values; empty if some sample is empty
   * @throws IllegalArgumentException if {@code entropies} is empty, has a null row or a bad entry
   */
  public static double[] cumulative(double[][] entropies) {
    BranchingFactor.requireSteps(entropies, "entropies");
    double[] curve = new double[minLength(entropies)];
    double[] prefixSums = new double[entropies.length];
    for (int t = 0; t < curve.length; t++) {
      double sum = 0.0;
      for (int i = 0; i < entropies.length; i++) {
        prefixSums[i] += entropies[i][t];
        sum += Math.exp(prefixSums[i] / (t + 1));
      }
      curve[t] = sum / entropies.length;
    }
    return curve;
  }

  private static int minLength(double[][] entropies) {
    int min = Integer.MAX_VALUE;
    for (double[] sample : entropies) {
      min = Math.min(min, sample.length);
    }
    return min;
  }
}
