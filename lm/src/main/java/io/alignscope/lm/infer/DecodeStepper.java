package io.alignscope.lm.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Produces next-token logits for the current rows of a decoding batch and advances them by one token. */
interface DecodeStepper {

  /** Logits {@code [current rows, V]} of this step, owned by {@code stepScope}. */
  NDArray logits(NDManager stepScope);

  /** Whether to drop finished rows now, given how many of the current rows are unfinished. */
  boolean compacts(int unfinished, int current);

  /** Appends {@code next[c]} to each current row, then keeps only rows {@code keep} (if non-null). */
  void advance(long[] next, int[] keep);
}
