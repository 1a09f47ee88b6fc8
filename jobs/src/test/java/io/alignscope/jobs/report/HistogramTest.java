package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void binsAreClampedAndTheMaximumIsInTheLastBin() {
    Histogram h = Histogram.over(0, 10, 5);
    assertEquals(0, h.binOf(0));
    assertEquals(0, h.binOf(1.99));
    assertEquals(1, h.binOf(2));
    assertEquals(4, h.binOf(10));
    assertEquals(0, h.binOf(-3));
    assertEquals(4, h.binOf(42));
    assertEquals(List.of("0\u20132", "2\u20134", "4\u20136", "6\u20138", "8\u201310"), h.labels());
  }

  @Test
  void decimalEdgesLandInTheirOwnBin() {
    Histogram tenths = new Histogram(0, 1, 10);
    for (int i = 0; i < 10; i++) {
      assertEquals(i, tenths.binOf(i / 10.0), "value " + i / 10.0);
    }
  }

  @Test
  void aSingleValueGetsOneBin() {
    Histogram h = Histogram.over(3.5, 3.5, 20);
    assertEquals(1, h.bins());
    assertEquals(0, h.binOf(3.5));
    assertEquals(List.of("3.5"), h.labels());
  }

  @Test
  void badRangesFailWithTheValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Histogram.over(2, 1, 5));
    assertEquals("bad histogram range [2.0, 1.0] with 5 bins", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Histogram.over(Double.NaN, 1, 5));
  }
}
