package io.alignscope.lm.checkpoint;

import java.util.Locale;

/** Element types that can appear in a safetensors file, with their byte widths. */
public enum TensorDType {
  F64(8),
  F32(4),
  F16(2),
  BF16(2),
  I64(8),
  I32(4),
  I16(2),
  I8(1),
  U8(1),
  BOOL(1);

  private final int bytes;

  TensorDType(int bytes) {
    this.bytes = bytes;
  }

  /** Size of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  /** Whether values of this type can be widened to float32 for computation. */
  public boolean isFloating() {
    return this == F64 || this == F32 || this == F16 || this == BF16;
  }

  /** Parses the dtype string used in safetensors headers, e.g. {@code "BF16"}. */
  public static TensorDType fromSafetensors(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("unsupported safetensors dtype '" + name + "'");
    }
  }
}
