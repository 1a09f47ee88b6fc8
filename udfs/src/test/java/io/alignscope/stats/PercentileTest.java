package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values are numpy 2.4.6's {@code repr(float(np.percentile(values, q)))}. */
class PercentileTest {

  @Test
  void matchesNumpyBitForBit() {
    double[] v = {0.3, -1.7, 2.25, 9.1, 4.4, 4.4, 0.05};
    assertEquals(-1.7, Percentile.linear(v, 0));
    assertEquals(-0.6499999999999998, Percentile.linear(v, 10));
    assertEquals(0.29949999999999993, Percentile.linear(v, 33.3));
    assertEquals(2.25, Percentile.linear(v, 50));
    assertEquals(6.280000000000002, Percentile.linear(v, 90));
    assertEquals(7.689999999999997, Percentile.linear(v, 95));
    assertEquals(9.071800000000003, Percentile.linear(v, 99.9));
    assertEquals(9.1, Percentile.linear(v, 100));
  }

  @Test
  void integerLengths() {
    // np.percentile(range(1, 11), 95) = 9.549999999999999: h = 9·0.95 = 8.55 → 9 + 0.55
    int[] oneToTen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(9.549999999999999, Percentile.linear(oneToTen, 95));
    // np.percentile([2,4,5,6,7,10], 95) = 9.25: h = 5·0.95 = 4.75 → 7 + 0.75·(10 − 7)
    assertEquals(9.25, Percentile.linear(new int[] {10, 2, 7, 4, 6, 5}, 95));
    // np.percentile([10]*9 + [30], 95) = 20.99999999999998, so floor is 20, not 21
    int[] lengths = {10, 10, 10, 10, 10, 10, 10, 10, 10, 30};
    assertEquals(20.99999999999998, Percentile.linear(lengths, 95));
    assertEquals(7.0, Percentile.linear(new int[] {7}, 95));
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Percentile.linear(new double[] {1}, 101));
    assertEquals("percentile q must be in [0, 100], got 101.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Percentile.linear(new double[0], 50));
    assertThrows(
        IllegalArgumentException.class, () -> Percentile.linear(new double[] {Double.NaN}, 50));
  }
}
