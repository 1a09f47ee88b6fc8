package io.alignscope.jobs.bf;

import io.alignscope.jobs.config.BfModel;
import io.alignscope.jobs.config.BfSettings;
import io.alignscope.jobs.config.EntropyMode;
import io.alignscope.lm.infer.Generation;
import io.alignscope.stats.BranchingFactor;
import io.alignscope.stats.BranchingFactorCurves;
import io.alignscope.stats.BranchingFactorResult;
import io.alignscope.stats.BranchingFactorSettings;
import java.util.List;

/**
 * The branching factor of one prompt under one model, from its M sampled continuations (Yang and
 * Holtzman 2025): the effective length, both estimators, the chosen value, the windowed and
 * cumulative curves, for the configured entropy and for the other one.
 *
 * @param id prompt id
 * @param model whose continuations
 * @param samples M
 * @param result BF with the configured entropy
 * @param otherEntropyBf BF with the other entropy (paper-compatible when exact is configured, and vice versa)
 * @param meanLength mean continuation length
 * @param eosFraction fraction of continuations that ended with EOS or a stop string
 * @param windowCurve BF per window of {@code window} positions
 * @param cumulativeCurve BF of each prefix
 * @param meanEntropy mean entropy of the samples alive at each position, up to the effective length
 * @param nudgedFraction share of tokens from the aligned model (nudged continuations only, else NaN)
 */
public record PromptBranching(String id, BfModel model, int samples, BranchingFactorResult result,
    double otherEntropyBf, double meanLength, double eosFraction, double[] windowCurve, double[] cumulativeCurve,
    double[] meanEntropy, double nudgedFraction) {

  /** Computes the statistics of {@code continuations}. */
  public static PromptBranching of(String id, BfModel model, List<Generation> continuations, BfSettings settings,
      double nudgedFraction) {
    boolean exact = settings.entropy() == EntropyMode.EXACT;
    double[][] entropies = new double[continuations.size()][];
    double[][] others = new double[continuations.size()][];
    double[][] nlls = new double[continuations.size()][];
    double totalLength = 0;
    int ended = 0;
    for (int i = 0; i < continuations.size(); i++) {
      Generation g = continuations.get(i);
      entropies[i] = widen(exact ? g.entropy() : g.paperEntropy());
      others[i] = widen(exact ? g.paperEntropy() : g.entropy());
      nlls[i] = widen(g.nll());
      totalLength += g.length();
      ended += g.stop() == Generation.StopReason.LENGTH ? 0 : 1;
    }
    BranchingFactorSettings bf = new BranchingFactorSettings(settings.percentile(), settings.minAlive(),
        settings.aepThreshold());
    BranchingFactorResult result = BranchingFactor.perPrompt(entropies, nlls, bf);
    BranchingFactorResult other = BranchingFactor.perPrompt(others, nlls, bf);
    return new PromptBranching(id, model, continuations.size(), result, other.value(),
        totalLength / continuations.size(), (double) ended / continuations.size(),
        BranchingFactorCurves.windowed(entropies, settings.window()), BranchingFactorCurves.cumulative(entropies),
        BranchingFactor.meanEntropyByPosition(entropies, result.effectiveLength()), nudgedFraction);
  }

  /** Entropies and NLLs are non-negative; float round-off can leave -1e-7, which is clamped. */
  private static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.max(0.0, values[i]);
    }
    return out;
  }
}
