package io.alignscope.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {

  @Test
  void widensKnownFp16Patterns() {
    assertEquals(1.0f, HalfFloats.fp16ToFloat((short) 0x3c00));
    assertEquals(-2.0f, HalfFloats.fp16ToFloat((short) 0xc000));
    assertEquals(65504f, HalfFloats.fp16ToFloat((short) 0x7bff));
    // Smallest subnormal: 2^-24.
    assertEquals(0x1p-24f, HalfFloats.fp16ToFloat((short) 0x0001));
    assertEquals(Float.POSITIVE_INFINITY, HalfFloats.fp16ToFloat((short) 0x7c00));
    assertEquals(0.333251953125f, HalfFloats.fp16ToFloat((short) 0x3555));
  }

  @Test
  void roundsToNearestEvenFp16() {
    assertEquals((short) 0x3c00, HalfFloats.floatToFp16(1.0f));
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even gives 1.
    assertEquals((short) 0x3c00, HalfFloats.floatToFp16(1f + 0x1p-11f));
    assertEquals((short) 0x3c01, HalfFloats.floatToFp16(1f + 0x1p-11f + 0x1p-20f));
    assertEquals((short) 0x7c00, HalfFloats.floatToFp16(1e6f));
    assertEquals((short) 0x0001, HalfFloats.floatToFp16(0x1p-24f));
  }

  @Test
  void bf16IsTheUpperHalfWithRounding() {
    assertEquals(1.0f, HalfFloats.bf16ToFloat((short) 0x3f80));
    assertEquals(-0.5f, HalfFloats.bf16ToFloat((short) 0xbf00));
    assertEquals((short) 0x3f80, HalfFloats.floatToBf16(1.0f));
    // 1 + 2^-8 is halfway between bf16 neighbours 1 and 1 + 2^-7: ties to even gives 1.
    assertEquals((short) 0x3f80, HalfFloats.floatToBf16(1f + 0x1p-8f));
    assertEquals((short) 0x3f81, HalfFloats.floatToBf16(1f + 0x1p-8f + 0x1p-16f));
  }

  @Test
  void roundTripsEveryFp16Value() {
    for (int bits = 0; bits < 0x10000; bits++) {
      short h = (short) bits;
      float f = HalfFloats.fp16ToFloat(h);
      if (!Float.isNaN(f)) {
        assertEquals(f, HalfFloats.fp16ToFloat(HalfFloats.floatToFp16(f)), "bits " + Integer.toHexString(bits));
      }
    }
  }
}
