package io.alignscope.lm.infer;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The rows a decoding batch still computes (each an index into the original prompt x sample
 * rows), their random draws, and when to drop finished ones.
 */
final class ActiveRows {
  private final int samples;
  private final long seed;
  private final long[] keyHashes;
  private int[] current;

  /**
   * @param keys one per prompt; row r belongs to prompt r / samples and is sample r % samples
   */
  ActiveRows(List<String> keys, int samples, long seed) {
    this.samples = samples;
    this.seed = seed;
    this.keyHashes = keys.stream().mapToLong(Uniforms::keyHash).toArray();
    this.current = IntStream.range(0, keys.size() * samples).toArray();
  }

  /** Number of rows in the batch now. */
  int size() {
    return current.length;
  }

  /** The original row behind batch row {@code c}. */
  int row(int c) {
    return current[c];
  }

  /** The uniform draw of every batch row at {@code step}. */
  float[] uniforms(int step) {
    float[] u = new float[current.length];
    for (int c = 0; c < current.length; c++) {
      u[c] = Uniforms.draw(seed, keyHashes[current[c] / samples], current[c] % samples, step);
    }
    return u;
  }

  /**
   * Which batch rows to keep given the unfinished ones, or null to keep all (the stepper decides
   * whether compacting is worth it); updates the mapping accordingly.
   */
  int[] compact(List<Integer> unfinished, DecodeStepper stepper) {
    if (!stepper.compacts(unfinished.size(), current.length)) {
      return null;
    }
    int[] keep = unfinished.stream().mapToInt(Integer::intValue).toArray();
    int[] kept = new int[keep.length];
    for (int i = 0; i < keep.length; i++) {
      kept[i] = current[keep[i]];
    }
    current = kept;
    return keep;
  }
}
