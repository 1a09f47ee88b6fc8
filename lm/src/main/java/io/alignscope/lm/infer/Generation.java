package io.alignscope.lm.infer;

/**
 * One generated continuation with the statistics of every step.
 *
 * @param tokens generated ids; the EOS or the token completing a stop string is included
 * @param nll negative log-likelihood of each token under the distribution it was drawn from
 * @param entropy exact entropy of that sampling distribution (the model's entropy when greedy)
 * @param paperEntropy entropy of the top-K/top-p truncated distribution (reference code's form)
 * @param modelEntropy entropy of the untruncated temperature-scaled distribution
 * @param topProb the model's top-1 probability at temperature 1
 * @param stop why generation ended
 */
public record Generation(long[] tokens, float[] nll, float[] entropy, float[] paperEntropy,
    float[] modelEntropy, float[] topProb, StopReason stop) {

  /** Why a continuation ended. */
  public enum StopReason {
    /** An end-of-sequence token. */
    EOS,
    /** A configured stop string. */
    STOP_STRING,
    /** The token budget. */
    LENGTH
  }

  /** Number of generated tokens. */
  public int length() {
    return tokens.length;
  }
}
