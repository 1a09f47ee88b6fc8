package io.alignscope.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.alignscope.lm.checkpoint.ModelConfig;

/** Rotary position embedding in Hugging Face's rotate-half form, with configured scaling. */
final class Rotary {
  private final NDArray inverseFrequencies;

  Rotary(ModelConfig config, NDManager manager) {
    double[] inv = config.ropeScaling().inverseFrequencies(config.headDim(), config.ropeTheta());
    float[] values = new float[inv.length];
    for (int i = 0; i < inv.length; i++) {
      values[i] = (float) inv[i];
    }
    this.inverseFrequencies = manager.create(values, new Shape(values.length));
  }

  /** cos and sin of {@code position * inv_freq}, duplicated to the full head size. */
  NDArray[] tables(NDArray positions, DataType type) {
    NDArray angles = positions.toType(DataType.FLOAT32, false).expandDims(-1).mul(inverseFrequencies);
    NDArray full = angles.concat(angles, -1).expandDims(1);
    return new NDArray[] {full.cos().toType(type, false), full.sin().toType(type, false)};
  }

  /** Rotates {@code x [B, H, T, D]} by the tables from {@link #tables}. */
  static NDArray apply(NDArray x, NDArray[] tables) {
    return x.mul(tables[0]).add(Ops.rotateHalf(x).mul(tables[1]));
  }
}
