package io.alignscope.lm.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.KvCache;
import java.util.Arrays;
import java.util.List;

/**
 * Decoding with a KV cache: one prefill over the left-padded prompts, then one token per step.
 * With {@code samples > 1} each prompt is encoded once and its cache rows repeated. Finished rows
 * are dropped once they are half of the batch.
 */
final class KvCacheStepper implements DecodeStepper {
  private final CausalLm model;
  private final KvCache cache;
  private NDArray pending;

  KvCacheStepper(CausalLm model, NDManager scope, List<long[]> prompts, int samples) {
    this.model = model;
    this.cache = model.newCache(scope);
    PaddedBatch batch = PaddedBatch.of(prompts, Padding.LEFT, scope);
    NDArray hidden = model.hidden(batch.ids(), batch.mask(), cache);
    NDArray last = hidden.get(":, -1, :");
    pending = samples == 1 ? last : last.repeat(0, samples);
    pending.attach(scope);
    if (samples > 1) {
      cache.repeatRows(samples);
    }
  }

  @Override
  public NDArray logits(NDManager stepScope) {
    pending.tempAttach(stepScope);
    return model.logits(pending);
  }

  @Override
  public boolean compacts(int unfinished, int current) {
    return unfinished * 2 <= current;
  }

  @Override
  public void advance(long[] next, int[] keep) {
    NDManager parent = pending.getManager();
    long[] tokens = next;
    if (keep != null) {
      cache.selectRows(Arrays.stream(keep).asLongStream().toArray());
      tokens = Arrays.stream(keep).mapToLong(c -> next[c]).toArray();
    }
    try (NDManager inputs = parent.newSubManager()) {
      NDArray ids = inputs.create(tokens, new Shape(tokens.length, 1));
      NDArray mask = inputs.ones(new Shape(tokens.length, 1), DataType.INT64);
      NDArray fresh = model.hidden(ids, mask, cache).get(":, -1, :");
      fresh.attach(parent);
      pending.close();
      pending = fresh;
    }
  }
}
