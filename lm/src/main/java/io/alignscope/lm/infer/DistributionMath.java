package io.alignscope.lm.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Per-position statistics of next-token distributions, computed on the device over the full
 * vocabulary (last axis); only the reduced values ever leave the device.
 */
public final class DistributionMath {
  private DistributionMath() {}

  /** Entropy {@code -sum p log p} (nats) from log-probabilities. */
  public static NDArray entropy(NDArray logProbs) {
    return logProbs.exp().mul(logProbs).sum(new int[] {-1}).neg();
  }

  /** {@code values[..., ids[...]]}: picks one entry of the last axis per position. */
  public static NDArray pick(NDArray values, NDArray ids) {
    return values.gather(ids.toType(DataType.INT64, false).expandDims(-1), -1).squeeze(-1);
  }

  /**
   * Rank of a token given its log-probability: {@code 1 + #{v : logp(v) > logp(token)}}. Ties do
   * not count, so tied tokens share the better rank.
   */
  public static NDArray rank(NDArray logProbs, NDArray tokenLogProb) {
    return logProbs.gt(tokenLogProb.expandDims(-1)).sum(new int[] {-1}).add(1);
  }

  /** {@code KL(p || q) = sum p (log p - log q)} from two log-probability tensors. */
  public static NDArray kl(NDArray logP, NDArray logQ) {
    return logP.exp().mul(logP.sub(logQ)).sum(new int[] {-1}).maximum(0f);
  }
}
