package io.alignscope.lm.checkpoint;

import java.util.Arrays;

/**
 * A float32 tensor held in the JVM: shape plus row-major data. Used when reading or writing
 * checkpoints, never for model computation.
 *
 * @param shape dimensions
 * @param data row-major values, {@code product(shape)} of them
 */
public record FloatTensor(long[] shape, float[] data) {

  public FloatTensor {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
    }
  }

  /** A tensor of the given shape over {@code data}. */
  public static FloatTensor of(float[] data, long... shape) {
    return new FloatTensor(shape, data);
  }
}
