package io.alignscope.lm.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Picks the next token of every row on the device and returns, per row, {@link #FIELDS} numbers:
 * the token, its negative log-likelihood under the sampling distribution, the exact entropy of
 * the sampling distribution (temperature and top-p over the full vocabulary), the
 * paper-compatible entropy (top-K log-probs, then top-p, renormalised), the entropy of the
 * untruncated temperature-scaled distribution, and the top-1 probability at temperature 1.
 */
final class NextTokenChooser {
  static final int FIELDS = 6;
  static final int TOKEN = 0;
  static final int NLL = 1;
  static final int ENTROPY = 2;
  static final int PAPER_ENTROPY = 3;
  static final int MODEL_ENTROPY = 4;
  static final int TOP_PROB = 5;

  private NextTokenChooser() {}

  /**
   * @param logits {@code [R, V]} float32
   * @param uniforms one draw in [0, 1) per row (ignored when greedy)
   * @return {@code [R * FIELDS]} row-major
   */
  static float[] choose(NDArray logits, float[] uniforms, DecodingOptions options) {
    NDArray rawLogp = logits.logSoftmax(-1);
    NDArray topProb = rawLogp.max(new int[] {-1}).exp();
    NDArray logp = options.greedy() || options.temperature() == 1.0
        ? rawLogp : logits.div(options.temperature()).logSoftmax(-1);
    NDArray modelEntropy = DistributionMath.entropy(logp);
    int k = (int) Math.min(options.paperTopK(), logits.getShape().get(1));
    NDArray paperEntropy = nucleus(logp.topK(k, -1, true, true).get(0), options.topP()).entropy;

    NDArray token;
    NDArray nll;
    NDArray entropy;
    if (options.greedy()) {
      token = logp.argMax(-1);
      nll = DistributionMath.pick(logp, token).neg();
      entropy = modelEntropy;
    } else {
      NDArray order = logp.argSort(-1, false);
      NDArray sorted = logp.gather(order, -1);
      Nucleus n = nucleus(sorted, options.topP());
      NDArray u = logits.getManager().create(uniforms, new Shape(uniforms.length, 1));
      NDArray position = n.probs.cumSum(-1).lt(u).sum(new int[] {-1})
          .minimum(n.kept.sum(new int[] {-1}).sub(1));
      token = DistributionMath.pick(order, position);
      nll = DistributionMath.pick(n.logProbs, position).neg();
      entropy = n.entropy;
    }
    NDList columns = new NDList(token.toType(DataType.FLOAT32, false), nll, entropy, paperEntropy,
        modelEntropy, topProb);
    return NDArrays.stack(columns, 1).toFloatArray();
  }

  /** A renormalised nucleus of descending log-probs. */
  private record Nucleus(NDArray probs, NDArray logProbs, NDArray kept, NDArray entropy) {}

  /**
   * Keeps the smallest prefix of {@code sortedLogp} (descending, any normalisation) whose mass
   * reaches {@code topP}, the crossing token included, and renormalises it.
   */
  private static Nucleus nucleus(NDArray sortedLogp, double topP) {
    NDArray lp = sortedLogp.logSoftmax(-1);
    NDArray p = lp.exp();
    NDArray kept = topP >= 1.0 ? p.gte(0f) : p.cumSum(-1).sub(p).lt(topP);
    NDArray keptProbs = p.mul(kept.toType(DataType.FLOAT32, false));
    NDArray mass = keptProbs.sum(new int[] {-1}, true);
    NDArray logq = lp.sub(mass.log());
    NDArray q = keptProbs.div(mass);
    NDArray plogp = NDArrays.where(kept, q.mul(logq), q.zerosLike());
    return new Nucleus(q, logq, kept, plogp.sum(new int[] {-1}).neg());
  }
}
