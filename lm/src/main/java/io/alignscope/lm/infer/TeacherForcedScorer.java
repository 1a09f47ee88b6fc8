package io.alignscope.lm.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.alignscope.lm.model.CausalLm;
import java.util.ArrayList;
import java.util.List;

/**
 * Teacher-forced scoring: a model reads a context followed by given target tokens, and for each
 * target token we report how the model rated it. The whole batch runs in one forward pass; the
 * output projection and every full-vocabulary statistic run on the device in chunks of positions
 * (so a 128k vocabulary never needs [B, T, V] at once), and only per-position numbers return.
 */
public final class TeacherForcedScorer {
  private static final int SINGLE_FIELDS = 5;
  private final Padding padding;
  private final long chunkElements;

  /**
   * @param padding how batch rows are padded (results do not depend on it)
   * @param chunkElements bound on positions × vocabulary per device chunk
   */
  public TeacherForcedScorer(Padding padding, long chunkElements) {
    if (chunkElements < 1) {
      throw new IllegalArgumentException("chunkElements must be positive: " + chunkElements);
    }
    this.padding = padding;
    this.chunkElements = chunkElements;
  }

  /** Right padding, chunks of 16M logits. */
  public static TeacherForcedScorer defaults() {
    return new TeacherForcedScorer(Padding.RIGHT, 16L << 20);
  }

  /** Scores {@code targets[i]} after {@code contexts[i]} (non-empty) under {@code model}. */
  public List<TokenScores> score(CausalLm model, List<long[]> contexts, List<long[]> targets) {
    check(contexts, targets);
    try (NDManager scope = model.manager().newSubManager()) {
      NDArray hidden = targetHidden(model, contexts, targets, scope);
      NDArray tokens = flatTargets(targets, scope);
      int vocab = model.config().vocabSize();
      float[] values = inChunks(hidden.getShape().get(0), vocab, SINGLE_FIELDS, new NDList(hidden, tokens), (from, to) -> {
        NDArray logp = model.logits(hidden.get("{}:{}", from, to)).logSoftmax(-1);
        return NDArrays.stack(single(logp, tokens.get("{}:{}", from, to)), 1);
      });
      List<TokenScores> out = new ArrayList<>();
      int row = 0;
      for (long[] target : targets) {
        out.add(unpack(values, row, target.length, SINGLE_FIELDS, 0));
        row += target.length;
      }
      return out;
    }
  }

  /**
   * Scores the same {@code targets} under two models, each after its own context, and the KL
   * divergence {@code KL(P || Q)} between their distributions at every target position. Both
   * models must be on the same device.
   */
  public List<PairScores> scorePair(CausalLm p, List<long[]> pContexts, CausalLm q, List<long[]> qContexts,
      List<long[]> targets) {
    check(pContexts, targets);
    check(qContexts, targets);
    if (!p.device().equals(q.device())) {
      throw new IllegalArgumentException("models must share a device: " + p.device() + " vs " + q.device());
    }
    if (p.config().vocabSize() != q.config().vocabSize()) {
      throw new IllegalArgumentException("vocabulary sizes differ: " + p.config().vocabSize() + " vs "
          + q.config().vocabSize());
    }
    int fields = 2 * SINGLE_FIELDS + 1;
    try (NDManager scope = p.manager().newSubManager()) {
      NDArray pHidden = targetHidden(p, pContexts, targets, scope);
      NDArray qHidden = targetHidden(q, qContexts, targets, scope);
      NDArray tokens = flatTargets(targets, scope);
      float[] values = inChunks(pHidden.getShape().get(0), p.config().vocabSize(), fields,
          new NDList(pHidden, qHidden, tokens), (from, to) -> {
        NDArray y = tokens.get("{}:{}", from, to);
        NDArray logP = p.logits(pHidden.get("{}:{}", from, to)).logSoftmax(-1);
        NDArray logQ = q.logits(qHidden.get("{}:{}", from, to)).logSoftmax(-1);
        NDList columns = single(logP, y);
        columns.addAll(single(logQ, y));
        columns.add(DistributionMath.kl(logP, logQ));
        return NDArrays.stack(columns, 1);
      });
      List<PairScores> out = new ArrayList<>();
      int row = 0;
      for (long[] target : targets) {
        int n = target.length;
        float[] kl = new float[n];
        for (int t = 0; t < n; t++) {
          kl[t] = values[(row + t) * fields + 2 * SINGLE_FIELDS];
        }
        out.add(new PairScores(unpack(values, row, n, fields, 0), unpack(values, row, n, fields, SINGLE_FIELDS), kl));
        row += n;
      }
      return out;
    }
  }

  /** log p(y), entropy, rank of y, top token and its probability, each [n] float32. */
  private static NDList single(NDArray logp, NDArray y) {
    NDArray tokenLogp = DistributionMath.pick(logp, y);
    return new NDList(
        tokenLogp,
        DistributionMath.entropy(logp),
        DistributionMath.rank(logp, tokenLogp).toType(DataType.FLOAT32, false),
        logp.argMax(-1).toType(DataType.FLOAT32, false),
        logp.max(new int[] {-1}).exp());
  }

  private static TokenScores unpack(float[] values, int firstRow, int n, int fields, int offset) {
    float[] logProb = new float[n];
    float[] entropy = new float[n];
    int[] rank = new int[n];
    int[] top = new int[n];
    float[] topProb = new float[n];
    for (int t = 0; t < n; t++) {
      int base = (firstRow + t) * fields + offset;
      logProb[t] = values[base];
      entropy[t] = values[base + 1];
      rank[t] = Math.round(values[base + 2]);
      top[t] = Math.round(values[base + 3]);
      topProb[t] = values[base + 4];
    }
    return new TokenScores(logProb, entropy, rank, top, topProb);
  }

  /** Hidden states at the positions that predict each target token, [N, D] over all rows. */
  private NDArray targetHidden(CausalLm model, List<long[]> contexts, List<long[]> targets, NDManager scope) {
    List<long[]> sequences = new ArrayList<>(contexts.size());
    int total = 0;
    for (int i = 0; i < contexts.size(); i++) {
      long[] c = contexts.get(i);
      long[] t = targets.get(i);
      long[] seq = java.util.Arrays.copyOf(c, c.length + t.length);
      System.arraycopy(t, 0, seq, c.length, t.length);
      sequences.add(seq);
      total += t.length;
    }
    PaddedBatch batch = PaddedBatch.of(sequences, padding, scope);
    NDArray hidden = model.hidden(batch.ids(), batch.mask(), null);
    long[] flat = new long[total];
    int n = 0;
    for (int i = 0; i < sequences.size(); i++) {
      int contextLength = contexts.get(i).length;
      for (int t = 0; t < targets.get(i).length; t++) {
        flat[n++] = (long) i * batch.width() + batch.column(i, contextLength - 1 + t);
      }
    }
    long d = hidden.getShape().get(2);
    NDArray index = scope.create(flat, new Shape(total));
    return hidden.reshape(-1, d).get(new NDIndex("{}", index));
  }

  private static NDArray flatTargets(List<long[]> targets, NDManager scope) {
    int total = targets.stream().mapToInt(t -> t.length).sum();
    long[] flat = new long[total];
    int n = 0;
    for (long[] t : targets) {
      System.arraycopy(t, 0, flat, n, t.length);
      n += t.length;
    }
    return scope.create(flat, new Shape(total));
  }

  @FunctionalInterface
  private interface ChunkStats {
    NDArray compute(long from, long to);
  }

  /**
   * Runs {@code stats} over row ranges; each range computes in its own scope (the inputs are
   * attached to it for the duration) so that only one chunk of logits is alive at a time.
   */
  private float[] inChunks(long rows, int vocab, int fields, NDList inputs, ChunkStats stats) {
    float[] out = new float[(int) rows * fields];
    long step = Math.max(1, chunkElements / vocab);
    NDManager parent = inputs.get(0).getManager();
    for (long from = 0; from < rows; from += step) {
      long to = Math.min(rows, from + step);
      try (NDManager chunkScope = parent.newSubManager()) {
        inputs.forEach(in -> in.tempAttach(chunkScope));
        float[] values = stats.compute(from, to).toFloatArray();
        System.arraycopy(values, 0, out, (int) from * fields, values.length);
      }
    }
    return out;
  }

  private static void check(List<long[]> contexts, List<long[]> targets) {
    if (contexts.size() != targets.size()) {
      throw new IllegalArgumentException(contexts.size() + " contexts for " + targets.size() + " targets");
    }
    for (int i = 0; i < contexts.size(); i++) {
      if (contexts.get(i).length == 0) {
        throw new IllegalArgumentException("context " + i + " is empty: the first target token needs a "
            + "preceding position (a BOS or a prompt)");
      }
    }
  }
}
