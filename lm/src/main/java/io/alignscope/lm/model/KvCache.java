package io.alignscope.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every layer for the tokens seen so far, plus their attention mask, so that
 * generation feeds only the newest token. Owns its arrays; close it to free them.
 */
public final class KvCache implements AutoCloseable {
  private final NDManager manager;
  private final NDArray[] keys;
  private final NDArray[] values;
  private NDArray mask;

  KvCache(NDManager parent, int layers) {
    this.manager = parent.newSubManager();
    this.keys = new NDArray[layers];
    this.values = new NDArray[layers];
  }

  /** Number of cached positions (padding included). */
  public long length() {
    return mask == null ? 0 : mask.getShape().get(1);
  }

  /** Appends the mask of new tokens and returns the full mask [B, S], owned by the cache. */
  NDArray extendMask(NDArray newMask) {
    NDArray copy = newMask.toType(DataType.INT64, true);
    copy.attach(manager);
    if (mask == null) {
      mask = copy;
    } else {
      NDArray full = mask.concat(copy, 1);
      mask.close();
      copy.close();
      mask = full;
    }
    return mask;
  }

  /** Appends one layer's new keys/values [B, Hkv, T, D] and returns the full ones. */
  NDArray[] append(int layer, NDArray key, NDArray value) {
    keys[layer] = concat(keys[layer], key);
    values[layer] = concat(values[layer], value);
    return new NDArray[] {keys[layer], values[layer]};
  }

  private NDArray concat(NDArray cached, NDArray fresh) {
    if (cached == null) {
      fresh.attach(manager);
      return fresh;
    }
    NDArray full = cached.concat(fresh, 2);
    cached.close();
    return full;
  }

  /** Keeps only the given rows, in that order (e.g. to drop finished sequences). */
  public void selectRows(long[] rows) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray index = scope.create(rows, new Shape(rows.length));
      NDIndex pick = new NDIndex("{}", index);
      for (int i = 0; i < keys.length; i++) {
        keys[i] = replace(keys[i], keys[i] == null ? null : keys[i].get(pick));
        values[i] = replace(values[i], values[i] == null ? null : values[i].get(pick));
      }
      mask = replace(mask, mask == null ? null : mask.get(pick));
    }
  }

  /** Repeats every row {@code times} times consecutively (row r becomes rows r*times..). */
  public void repeatRows(int times) {
    for (int i = 0; i < keys.length; i++) {
      keys[i] = replace(keys[i], keys[i] == null ? null : keys[i].repeat(0, times));
      values[i] = replace(values[i], values[i] == null ? null : values[i].repeat(0, times));
    }
    mask = replace(mask, mask == null ? null : mask.repeat(0, times));
  }

  private NDArray replace(NDArray old, NDArray fresh) {
    if (fresh == null) {
      return null;
    }
    fresh.attach(manager);
    old.close();
    return fresh;
  }

  @Override
  public void close() {
    manager.close();
  }
}
