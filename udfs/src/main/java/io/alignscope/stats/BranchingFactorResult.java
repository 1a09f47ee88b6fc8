package io.alignscope.stats;

/**
 * A per-prompt branching factor with both estimates and the choice between them.
 *
 * @param effectiveLength L, the number of positions averaged over (0 makes both estimates NaN)
 * @param entropyEstimate BF_H = exp(mean_{t&lt;L} H̄_t), or NaN when L = 0
 * @param aepEstimate BF_AEP = exp(mean NLL over t &lt; min(L, len_i)), or NaN when L = 0
 * @param estimator the estimator chosen by the length rule
 * @param value the chosen estimate
 */
public record BranchingFactorResult(
    int effectiveLength,
    double entropyEstimate,
    double aepEstimate,
    BranchingFactorEstimator estimator,
    double value) {}
