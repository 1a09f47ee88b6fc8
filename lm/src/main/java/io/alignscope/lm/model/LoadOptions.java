package io.alignscope.lm.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;

/**
 * How to place a model: the device, the compute precision and whether weights take gradients.
 *
 * @param device CPU or a CUDA device
 * @param computeType FLOAT32 (always on CPU), or FLOAT16/BFLOAT16 on CUDA
 * @param trainable whether weights record gradients (only the tiny-model builder trains)
 */
public record LoadOptions(Device device, DataType computeType, boolean trainable) {

  public LoadOptions {
    if (computeType != DataType.FLOAT32 && computeType != DataType.FLOAT16
        && computeType != DataType.BFLOAT16) {
      throw new IllegalArgumentException("compute type must be float32, float16 or bfloat16, not " + computeType);
    }
    // libtorch's bf16/fp16 CPU paths are slow or crash (see README); CPU always computes in fp32.
    if (!device.isGpu() && computeType != DataType.FLOAT32) {
      throw new IllegalArgumentException(computeType + " compute is only supported on CUDA devices; use float32 on "
          + device);
    }
  }

  /** Float32 inference on the CPU. */
  public static LoadOptions cpu() {
    return new LoadOptions(Device.cpu(), DataType.FLOAT32, false);
  }

  /** The same placement with gradients recorded. */
  public LoadOptions withTraining() {
    return new LoadOptions(device, computeType, true);
  }
}
