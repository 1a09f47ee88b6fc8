package io.alignscope.lm.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Variable-length token sequences packed into {@code ids [B, W]} and a 0/1 {@code mask [B, W]}.
 *
 * @param ids token ids, padding filled with id 0
 * @param mask 1 for real tokens
 * @param lengths real length of each row
 * @param width W, the longest row
 * @param padding which side is padded
 */
public record PaddedBatch(NDArray ids, NDArray mask, int[] lengths, int width, Padding padding) {

  /** Packs {@code sequences} into arrays owned by {@code manager}. */
  public static PaddedBatch of(List<long[]> sequences, Padding padding, NDManager manager) {
    int rows = sequences.size();
    int[] lengths = new int[rows];
    int width = 1;
    for (int i = 0; i < rows; i++) {
      lengths[i] = sequences.get(i).length;
      width = Math.max(width, lengths[i]);
    }
    long[] ids = new long[rows * width];
    long[] mask = new long[rows * width];
    for (int i = 0; i < rows; i++) {
      long[] seq = sequences.get(i);
      int offset = padding == Padding.RIGHT ? 0 : width - seq.length;
      System.arraycopy(seq, 0, ids, i * width + offset, seq.length);
      java.util.Arrays.fill(mask, i * width + offset, i * width + offset + seq.length, 1L);
    }
    Shape shape = new Shape(rows, width);
    return new PaddedBatch(manager.create(ids, shape), manager.create(mask, shape), lengths, width, padding);
  }

  /** The column holding token {@code t} of row {@code row}. */
  public int column(int row, int t) {
    return padding == Padding.RIGHT ? t : width - lengths[row] + t;
  }
}
