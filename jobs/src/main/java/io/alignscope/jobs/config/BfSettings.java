package io.alignscope.jobs.config;

import java.io.Serializable;
import java.util.List;

/**
 * Branching-factor sampling and estimation; see METHODS.md section 2.
 *
 * @param models whose continuations to sample
 * @param samples continuations per prompt and model (M)
 * @param temperature sampling temperature
 * @param topP nucleus mass
 * @param maxNewTokens tokens per continuation
 * @param seed sampling seed
 * @param entropy which entropy the BF uses
 * @param paperTopK top-K of the paper-compatible entropy
 * @param window window of the position curve
 * @param percentile percentile of sample lengths for the effective length
 * @param minAlive the effective length stops where at most this many samples remain
 * @param aepThreshold above this effective length the AEP estimator is used
 * @param keepSamples also write every sample
 */
public record BfSettings(List<BfModel> models, int samples, double temperature, double topP, int maxNewTokens,
    long seed, EntropyMode entropy, int paperTopK, int window, double percentile, int minAlive, int aepThreshold,
    boolean keepSamples) implements Serializable {

  static BfSettings from(ConfigReader r) {
    List<BfModel> models = r.choices("bf.models", BfModel.class);
    r.check("bf.models", "[]", !models.isEmpty(), "must name at least one of base, aligned, nudged");
    return new BfSettings(models, r.integer("bf.samples", 1, 10_000), r.decimal("bf.temperature", 0, 100, true),
        r.decimal("bf.top-p", 0, 1, true), r.integer("bf.max-new-tokens", 1, 1 << 16),
        r.longValue("bf.seed", Long.MIN_VALUE), r.choice("bf.entropy", EntropyMode.class),
        r.integer("bf.paper-top-k", 1, 1 << 20), r.integer("bf.window", 1, 1 << 16),
        r.decimal("bf.percentile", 0, 100, true), r.integer("bf.min-alive", 0, 10_000),
        r.integer("bf.aep-threshold", 1, 1 << 20), r.bool("bf.keep-samples"));
  }
}
