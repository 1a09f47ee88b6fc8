package io.alignscope.lm.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.alignscope.lm.model.CausalLm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Re-runs every sequence in full each step, without a cache: the baseline for tests and benchmarks. */
final class RecomputingStepper implements DecodeStepper {
  private final CausalLm model;
  private final List<long[]> sequences = new ArrayList<>();

  RecomputingStepper(CausalLm model, List<long[]> prompts, int samples) {
    this.model = model;
    for (long[] p : prompts) {
      for (int s = 0; s < samples; s++) {
        sequences.add(p.clone());
      }
    }
  }

  @Override
  public NDArray logits(NDManager stepScope) {
    PaddedBatch batch = PaddedBatch.of(sequences, Padding.LEFT, stepScope);
    NDArray hidden = model.hidden(batch.ids(), batch.mask(), null);
    return model.logits(hidden.get(":, -1, :"));
  }

  @Override
  public boolean compacts(int unfinished, int current) {
    return unfinished < current;
  }

  @Override
  public void advance(long[] next, int[] keep) {
    List<long[]> longer = new ArrayList<>();
    for (int c = 0; c < sequences.size(); c++) {
      long[] seq = Arrays.copyOf(sequences.get(c), sequences.get(c).length + 1);
      seq[seq.length - 1] = next[c];
      longer.add(seq);
    }
    sequences.clear();
    if (keep == null) {
      sequences.addAll(longer);
    } else {
      for (int c : keep) {
        sequences.add(longer.get(c));
      }
    }
  }
}
