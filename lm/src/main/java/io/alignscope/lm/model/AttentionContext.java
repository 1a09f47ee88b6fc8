package io.alignscope.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * What every layer of one forward call shares: position ids of the new tokens and the additive
 * attention mask {@code [B, 1, T, S]} over all S cached plus new positions.
 */
final class AttentionContext {
  private static final float MASKED = -1e30f;

  final NDArray positions;
  final long newTokens;
  private final NDArray mask;
  private final java.util.Map<Integer, NDArray> additiveMasks = new java.util.HashMap<>();
  private NDArray[] rotaryTables;

  private AttentionContext(NDArray mask, NDArray positions, long newTokens) {
    this.mask = mask;
    this.positions = positions;
    this.newTokens = newTokens;
  }

  /** cos and sin tables {@code [B, 1, T, D]} for these positions, computed once per call. */
  NDArray[] rotaryTables(Rotary rotary, DataType type) {
    if (rotaryTables == null) {
      rotaryTables = rotary.tables(positions, type);
    }
    return rotaryTables;
  }

  /**
   * Builds the context from the full 0/1 mask {@code [B, S]} of which the last {@code newTokens}
   * columns are the new tokens.
   */
  static AttentionContext build(NDArray fullMask, long newTokens, NDManager scope) {
    NDArray mask = Ops.own(fullMask.toType(DataType.INT64, true), scope);
    long total = mask.getShape().get(1);
    NDArray positions = mask.cumSum(1).sub(1).maximum(0).get(":, {}:", total - newTokens);
    return new AttentionContext(mask, positions, newTokens);
  }

  /**
   * The additive mask {@code [B, 1, T, S]} for an attention window (0 = unlimited), made once per
   * window. Key j is visible to query i when it is a real token, not in the future, and within
   * the window. A query always sees itself, so padded query rows stay finite; their outputs are
   * never read.
   */
  NDArray additiveMask(int window) {
    return additiveMasks.computeIfAbsent(window, w -> {
      NDManager scope = mask.getManager();
      long rows = mask.getShape().get(0);
      long total = mask.getShape().get(1);
      NDArray keyIndex = scope.arange(0, total, 1, DataType.INT64).reshape(1, 1, 1, total);
      NDArray queryIndex = scope.arange(total - newTokens, total, 1, DataType.INT64).reshape(1, 1, newTokens, 1);
      NDArray visible = keyIndex.lte(queryIndex);
      if (w > 0) {
        visible = visible.logicalAnd(queryIndex.sub(keyIndex).lt(w));
      }
      NDArray real = mask.eq(1).reshape(new Shape(rows, 1, 1, total));
      NDArray allowed = visible.logicalAnd(real).logicalOr(keyIndex.eq(queryIndex));
      return allowed.toType(DataType.FLOAT32, false).sub(1).mul(-MASKED);
    });
  }
}
