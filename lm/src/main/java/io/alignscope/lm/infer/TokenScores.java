package io.alignscope.lm.infer;

/**
 * Teacher-forced statistics of one model at each position of a target sequence: how it rated
 * the token actually there.
 *
 * @param logProb log p(token) under the model
 * @param entropy entropy (nats) of the model's next-token distribution
 * @param rank 1 + number of tokens the model preferred strictly
 * @param topToken the model's most likely token
 * @param topProb its probability
 */
public record TokenScores(float[] logProb, float[] entropy, int[] rank, int[] topToken, float[] topProb) {

  /** Number of positions. */
  public int length() {
    return logProb.length;
  }

  /** Mean negative log-likelihood of the target tokens (the "loss"). */
  public double meanNll() {
    double sum = 0;
    for (float lp : logProb) {
      sum -= lp;
    }
    return logProb.length == 0 ? Double.NaN : sum / logProb.length;
  }
}
