package io.alignscope.lm.checkpoint;

/**
 * Conversions between float32 and the 16-bit formats found in checkpoints.
 *
 * <p>Java 17 has no {@code Float.float16ToFloat}; bf16 is the upper half of a float32.
 */
public final class HalfFloats {
  private HalfFloats() {}

  /** Widens a bfloat16 bit pattern to float32 (exact). */
  public static float bf16ToFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }

  /** Rounds a float32 to the nearest bfloat16 (ties to even); NaN stays NaN. */
  public static short floatToBf16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if (Float.isNaN(value)) {
      return (short) ((bits >>> 16) | 0x40);
    }
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }

  /** Widens an IEEE 754 half-precision bit pattern to float32 (exact). */
  public static float fp16ToFloat(short bits) {
    int h = bits & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exponent = (h >>> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      if (mantissa == 0) {
        return Float.intBitsToFloat(sign);
      }
      // Subnormal half: value = mantissa * 2^-24.
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  /** Rounds a float32 to the nearest IEEE 754 half (ties to even), saturating to infinity. */
  public static short floatToFp16(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    if (Float.isNaN(value)) {
      return (short) (sign | 0x7e00);
    }
    float abs = Math.abs(value);
    if (abs >= 65520f) {
      return (short) (sign | 0x7c00);
    }
    if (abs < 0x1p-14f) {
      // Subnormal or zero: round abs / 2^-24 to an integer mantissa (ties to even).
      int mantissa = (int) Math.rint(abs * 0x1p24f);
      return (short) (sign | mantissa);
    }
    int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
    int mantissa = bits & 0x7fffff;
    int half = (exponent << 10) | (mantissa >>> 13);
    int remainder = mantissa & 0x1fff;
    if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) == 1)) {
      half++;
    }
    return (short) (sign | half);
  }
}
