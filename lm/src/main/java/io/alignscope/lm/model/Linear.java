package io.alignscope.lm.model;

import ai.djl.ndarray.NDArray;

/**
 * An affine projection {@code y = x W^T + b} over weights in Hugging Face's {@code [out, in]}
 * layout, or {@code y = x W + b} for GPT-2's Conv1D {@code [in, out]} layout.
 */
final class Linear {
  private final NDArray weight;
  private final NDArray inputMajor;
  private final NDArray bias;

  /** {@code inputMajor} null means: transpose {@code weight} on every call (gradients need that). */
  private Linear(NDArray weight, NDArray inputMajor, NDArray bias) {
    this.weight = weight;
    this.inputMajor = inputMajor;
    this.bias = bias;
  }

  /** A projection whose weight is stored {@code [out, in]}; {@code bias} may be null. */
  static Linear outputMajor(NDArray weight, NDArray bias, boolean trainable) {
    // Outside a gradient scope a pre-made transpose would not carry gradients back to the weight.
    return new Linear(weight, trainable ? null : weight.transpose(), bias);
  }

  /** A Conv1D projection whose weight is stored {@code [in, out]}; {@code bias} may be null. */
  static Linear inputMajor(NDArray weight, NDArray bias) {
    return new Linear(weight, weight, bias);
  }

  NDArray apply(NDArray x) {
    NDArray w = inputMajor;
    if (w == null) {
      w = Ops.own(weight.transpose(), x.getManager());
    }
    NDArray y = x.matMul(w);
    return bias == null ? y : y.add(bias);
  }
}
