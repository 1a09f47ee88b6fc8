package io.alignscope.stats;

/**
 * Branching factor of a model on one prompt (Yang &amp; Holtzman 2025): how many tokens it is
 * effectively choosing between per step, from M sampled answers.
 *
 * <p>Inputs are ragged per-sample arrays: {@code entropies[i][t]} is the entropy (nats) of the
 * next-token distribution at step t of sample i, and {@code nlls[i][t]} the NLL (nats) of the token
 * sampled there. Sample i has length {@code len_i = entropies[i].length}, which counts the EOS step
 * (an EOS-only answer has length 1). The effective length L is {@link EffectiveLength#of(int[],
 * BranchingFactorSettings)}.
 */
public final class BranchingFactor {

  private BranchingFactor() {}

  /**
   * {@code H̄_t} for {@code t < length}: the mean of {@code entropies[i][t]} over the samples
   * alive at t.
   *
   * @param entropies per-sample per-step entropies; non-empty, no null rows
   * @param length number of positions; every position below it must have a sample alive
   * @return an array of {@code length} means
   * @throws IllegalArgumentException if some position below {@code length} has no sample alive
   */
  public static double[] meanEntropyByPosition(double[][] entropies, int length) {
    Checks.requireNonEmpty(entropies, "entropies");
    double[] means = new double[length];
    for (int t = 0; t < length; t++) {
      double sum = 0.0;
      int alive = 0;
      for (double[] sample : entropies) {
        if (sample.length > t) {
          sum += sample[t];
          alive++;
        }
      }
      if (alive == 0) {
        throw new IllegalArgumentException(
            "no sample is alive at position " + t + " (length " + length + ")");
      }
      means[t] = sum / alive;
    }
    return means;
  }

  /**
   * Entropy estimator {@code BF_H = exp( (1/L) Σ_{t<L} H̄_t )} with the default settings.
   *
   * @param entropies per-sample per-step entropies (see the class comment)
   * @return BF_H, or NaN when L = 0
   * @throws IllegalArgumentException if {@code entropies} is empty, has a null row, or an entry
   *     that is negative or not finite
   */
  public static double entropyEstimate(double[][] entropies) {
    return entropyEstimate(entropies, BranchingFactorSettings.DEFAULTS);
  }

  /**
   * Entropy estimator {@code BF_H = exp( (1/L) Σ_{t<L} H̄_t )}.
   *
   * @param entropies per-sample per-step entropies (see the class comment)
   * @param settings effective-length rules
   * @return BF_H, or NaN when L = 0
   * @throws IllegalArgumentException as for {@link #entropyEstimate(double[][])}
   */
  public static double entropyEstimate(double[][] entropies, BranchingFactorSettings settings) {
    int length = effectiveLength(entropies, settings);
    return entropyEstimate(entropies, length);
  }

  /**
   * AEP estimator {@code BF_AEP = exp( mean of nlls[i][t] over all (i, t) with t < min(L, len_i)
   * )} with the default settings; L comes from the lengths of {@code entropies}.
   *
   * @param entropies per-sample per-step entropies; fix the lengths and so L
   * @param nlls per-sample per-step NLLs of the sampled tokens, same shape as {@code entropies}
   * @return BF_AEP, or NaN when L = 0
   * @throws IllegalArgumentException if the shapes differ (naming the sample and both lengths), or
   *     as for {@link #entropyEstimate(double[][])}
   */
  public static double aepEstimate(double[][] entropies, double[][] nlls) {
    return aepEstimate(entropies, nlls, BranchingFactorSettings.DEFAULTS);
  }

  /**
   * AEP estimator {@code BF_AEP = exp( mean of nlls[i][t] over all (i, t) with t < min(L, len_i)
   * )}; L comes from the lengths of {@code entropies}.
   *
   * @param entropies per-sample per-step entropies; fix the lengths and so L
   * @param nlls per-sample per-step NLLs of the sampled tokens, same shape as {@code entropies}
   * @param settings effective-length rules
   * @return BF_AEP, or NaN when L = 0
   * @throws IllegalArgumentException as for {@link #aepEstimate(double[][], double[][])}
   */
  public static double aepEstimate(
      double[][] entropies, double[][] nlls, BranchingFactorSettings settings) {
    requireSameShape(entropies, nlls);
    int length = effectiveLength(entropies, settings);
    return aepEstimate(nlls, length);
  }

  /**
   * Per-prompt branching factor with the default settings (AEP above L = 50).
   *
   * @param entropies per-sample per-step entropies
   * @param nlls per-sample per-step NLLs of the sampled tokens, same shape
   * @return L, both estimates, the choice and the chosen value
   * @throws IllegalArgumentException as for {@link #aepEstimate(double[][], double[][])}
   */
  public static BranchingFactorResult perPrompt(double[][] entropies, double[][] nlls) {
    return perPrompt(entropies, nlls, BranchingFactorSettings.DEFAULTS);
  }

  /**
   * Per-prompt branching factor: the entropy estimator when {@code L ≤
   * settings.aepLengthThreshold()}, the AEP estimator otherwise. L = 0 chooses the entropy
   * estimator and yields NaN.
   *
   * @param entropies per-sample per-step entropies
   * @param nlls per-sample per-step NLLs of the sampled tokens, same shape
   * @param settings effective-length rules and AEP threshold
   * @return L, both estimates, the choice and the chosen value
   * @throws IllegalArgumentException as for {@link #aepEstimate(double[][], double[][])}
   */
  public static BranchingFactorResult perPrompt(
      double[][] entropies, double[][] nlls, BranchingFactorSettings settings) {
    requireSameShape(entropies, nlls);
    int length = effectiveLength(entropies, settings);
    double entropy = entropyEstimate(entropies, length);
    double aep = aepEstimate(nlls, length);
    BranchingFactorEstimator chosen =
        length <= settings.aepLengthThreshold()
            ? BranchingFactorEstimator.ENTROPY
            : BranchingFactorEstimator.AEP;
    double value = chosen == BranchingFactorEstimator.ENTROPY ? entropy : aep;
    return new BranchingFactorResult(length, entropy, aep, chosen, value);
  }

  /**
   * Dataset branching factor: the mean over prompts of the per-prompt BF (each already
   * exponentiated, so this is a mean of exps, not the exp of a mean). NaN entries are ignored.
   *
   * @param perPromptValues per-prompt BF values (may contain NaN)
   * @return the mean of the non-NaN values, or NaN if there are none (including an empty array)
   * @throws IllegalArgumentException if {@code perPromptValues} is null
   */
  public static double datasetMean(double[] perPromptValues) {
    if (perPromptValues == null) {
      throw new IllegalArgumentException("perPromptValues must not be null");
    }
    double sum = 0.0;
    int count = 0;
    for (double value : perPromptValues) {
      if (!Double.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  private static double entropyEstimate(double[][] entropies, int length) {
    if (length == 0) {
      return Double.NaN;
    }
    double sum = 0.0;
    for (double mean : meanEntropyByPosition(entropies, length)) {
      sum += mean;
    }
    return Math.exp(sum / length);
  }

  private static double aepEstimate(double[][] nlls, int length) {
    double sum = 0.0;
    long count = 0;
    for (double[] sample : nlls) {
      int end = Math.min(length, sample.length);
      for (int t = 0; t < end; t++) {
        sum += sample[t];
      }
      count += end;
    }
    return count == 0 ? Double.NaN : Math.exp(sum / count);
  }

  private static int effectiveLength(double[][] entropies, BranchingFactorSettings settings) {
    requireSteps(entropies, "entropies");
    int[] lengths = new int[entropies.length];
    for (int i = 0; i < entropies.length; i++) {
      lengths[i] = entropies[i].length;
    }
    return EffectiveLength.of(lengths, settings);
  }

  private static void requireSameShape(double[][] entropies, double[][] nlls) {
    requireSteps(entropies, "entropies");
    requireSteps(nlls, "nlls");
    Checks.requireSameLength(
        entropies.length, "entropies (samples)", nlls.length, "nlls (samples)");
    for (int i = 0; i < entropies.length; i++) {
      Checks.requireSameLength(
          entropies[i].length, "entropies[" + i + "]", nlls[i].length, "nlls[" + i + "]");
    }
  }

  /** Entropies and NLLs are both finite and non-negative, per step. */
  static void requireSteps(double[][] samples, String name) {
    Checks.requireNonEmpty(samples, name);
    for (int i = 0; i < samples.length; i++) {
      double[] sample = samples[i];
      if (sample == null) {
        throw new IllegalArgumentException(name + "[" + i + "] is null");
      }
      for (int t = 0; t < sample.length; t++) {
        if (!(sample[t] >= 0.0) || sample[t] == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + t + "] must be finite and >= 0, got " + sample[t]);
        }
      }
    }
  }
}
