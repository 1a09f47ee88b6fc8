package io.alignscope.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Scaled dot-product attention with grouped key/value heads, softmax in float32. */
final class Attention {
  private Attention() {}

  /**
   * @param query {@code [B, H, T, D]}
   * @param key {@code [B, Hkv, S, D]} (may be owned by the KV cache)
   * @param value {@code [B, Hkv, S, D]}
   * @param groups query heads per key/value head
   * @param context the masks of this call
   * @param window attention window of this layer (0 = unlimited)
   * @return {@code [B, T, H * D]}
   */
  static NDArray attend(NDArray query, NDArray key, NDArray value, int groups, AttentionContext context,
      int window) {
    NDManager scope = query.getManager();
    NDArray k = groups == 1 ? key : key.repeat(1, groups);
    NDArray v = groups == 1 ? value : value.repeat(1, groups);
    NDArray keyT = Ops.own(k.transpose(0, 1, 3, 2), scope);
    if (groups != 1) {
      Ops.own(k, scope);
      Ops.own(v, scope);
    }
    long headDim = query.getShape().get(3);
    NDArray raw = query.matMul(keyT).toType(DataType.FLOAT32, false);
    NDArray scores = raw.mul(Ops.scalar(raw, 1.0 / Math.sqrt(headDim))).add(context.additiveMask(window));
    NDArray probs = scores.softmax(-1).toType(query.getDataType(), false);
    NDArray out = probs.matMul(v);
    long b = out.getShape().get(0);
    long t = out.getShape().get(2);
    return out.transpose(0, 2, 1, 3).reshape(b, t, -1);
  }
}
