package io.alignscope.lm.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.alignscope.lm.checkpoint.ModelConfig;
import java.util.Map;

/**
 * A decoder-only language model on DJL NDArrays.
 *
 * <p>Inputs are token ids {@code [B, T]} (int64) with a 0/1 attention mask {@code [B, T]} for
 * those tokens; rows may be left- or right-padded. Position ids are derived from the mask, so a
 * left-padded row starts at position 0 at its first real token. With a {@link KvCache}, the
 * inputs are only the new tokens and the cache grows by {@code T}. Results are attached to the
 * manager of {@code inputIds}. Implementations are safe to share between threads for inference.
 */
public interface CausalLm extends AutoCloseable {

  /** Architecture parameters. */
  ModelConfig config();

  /** Where the weights live. */
  Device device();

  /** The manager that owns the weights; create per-call sub-managers from it. */
  NDManager manager();

  /** Final (normalised) hidden states {@code [B, T, hidden]} for the new tokens. */
  NDArray hidden(NDArray inputIds, NDArray attentionMask, KvCache cache);

  /** Vocabulary logits {@code [B, T, V]} in float32 for hidden states from {@link #hidden}. */
  NDArray logits(NDArray hidden);

  /** Convenience: {@code logits(hidden(...))}. */
  default NDArray forward(NDArray inputIds, NDArray attentionMask, KvCache cache) {
    return logits(hidden(inputIds, attentionMask, cache));
  }

  /** An empty cache for this model, owned by a sub-manager of {@code parent}. */
  KvCache newCache(NDManager parent);

  /** The weights by their Hugging Face names (for training and export). */
  Map<String, NDArray> parameters();

  @Override
  void close();
}
