package io.alignscope.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * Tensor helpers shared by the decoders.
 *
 * <p>DJL attaches an op's result to the manager of its receiver. Activations are always the
 * receiver here so that intermediates land in the per-call scope; a result computed from a
 * long-lived array (a weight or the KV cache) is moved into the scope with {@link #own}.
 *
 * <p>Constants that meet a parameter's activations go through {@link #scalar}, not DJL's
 * {@code mul(Number)} and kin: on the CPU those wrap a Java buffer that the garbage collector frees
 * once DJL closes the scalar, while autograd may still hold the tensor for the backward pass
 * (training then read freed memory and now and then produced irreproducible or non-finite
 * gradients). Without autograd the Number forms are safe: the op has finished before the close.
 */
final class Ops {
  private static final double GELU_COEF = Math.sqrt(2.0 / Math.PI);

  private Ops() {}

  /** A float32 constant owned by libtorch, in the manager and on the device of {@code like}. */
  static NDArray scalar(NDArray like, double value) {
    return like.getManager().full(new Shape(), (float) value, DataType.FLOAT32);
  }

  /**
   * Rows of {@code table} for {@code ids}, owned by {@code scope}. libtorch's embedding op, not
   * indexing: indexing's backward adds into the table with atomic adds from several threads, in
   * a different order each time, so training was not reproducible; embedding's backward gives
   * each row to one thread.
   */
  static NDArray embedding(NDArray table, NDArray ids, NDManager scope) {
    return own(ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow(), scope);
  }

  /** Moves {@code array} into {@code scope} and returns it. */
  static NDArray own(NDArray array, NDManager scope) {
    array.attach(scope);
    return array;
  }

  /** RMSNorm in float32: {@code x * rsqrt(mean(x^2) + eps) * weight}, cast back to x's type. */
  static NDArray rmsNorm(NDArray x, NDArray weight, double eps) {
    DataType type = x.getDataType();
    NDArray x32 = x.toType(DataType.FLOAT32, false);
    NDArray variance = x32.square().mean(new int[] {-1}, true);
    NDArray normed = x32.mul(reciprocal(variance.add(scalar(variance, eps)).sqrt())).toType(type, false);
    return normed.mul(weight);
  }

  /** LayerNorm over the last axis in float32 with affine weight and bias. */
  static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias, double eps) {
    DataType type = x.getDataType();
    NDArray x32 = x.toType(DataType.FLOAT32, false);
    NDArray mean = x32.mean(new int[] {-1}, true);
    NDArray centered = x32.sub(mean);
    NDArray variance = centered.square().mean(new int[] {-1}, true);
    NDArray normed = centered.mul(reciprocal(variance.add(scalar(variance, eps)).sqrt())).toType(type, false);
    return normed.mul(weight).add(bias);
  }

  /**
   * SiLU: {@code x * sigmoid(x)}, with libtorch's stable sigmoid (1 / (1 + exp(-x)) overflows for
   * very negative x and then poisons gradients with inf * 0).
   */
  static NDArray silu(NDArray x) {
    return x.mul(x.getNDArrayInternal().sigmoid());
  }

  /** GPT-2's tanh approximation of GELU ({@code gelu_new}). */
  static NDArray geluNew(NDArray x) {
    NDArray inner = x.add(x.pow(scalar(x, 3)).mul(scalar(x, 0.044715))).mul(scalar(x, GELU_COEF)).tanh()
        .add(scalar(x, 1));
    return x.mul(inner).mul(scalar(x, 0.5));
  }

  private static NDArray reciprocal(NDArray x) {
    return x.pow(scalar(x, -1));
  }

  /** {@code cat(-x[..., d/2:], x[..., :d/2])} on the last axis of a 4-D tensor. */
  static NDArray rotateHalf(NDArray x) {
    long half = x.getShape().get(3) / 2;
    NDArray first = x.get(":, :, :, :{}", half);
    NDArray second = x.get(":, :, :, {}:", half);
    return second.neg().concat(first, -1);
  }
}
