package io.alignscope.lm.checkpoint;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where one tensor lives: the file, its dtype and shape, and the byte range of its data.
 *
 * @param name the tensor name as written in the header
 * @param file the safetensors file holding it
 * @param dtype element type
 * @param shape dimensions, row-major
 * @param offset absolute byte offset of the first element in {@code file}
 * @param length number of data bytes
 */
public record TensorInfo(
    String name, Path file, TensorDType dtype, long[] shape, long offset, long length) {

  /** Number of elements, the product of the shape. */
  public long elementCount() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape);
  }
}
