package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BranchingFactorCurvesTest {

  private static final double EPS = 1e-12;
  private static final double E = Math.E;

  @Test
  void windowedCurveByHand() {
    // minLen = 7, w = 3 → floor(7/3) = 2 windows: t ∈ [0,3) and [3,6); t = 6, 7 are unused
    // window 0: sample 0 mean 1 → e, sample 1 mean 0 → 1      → (e + 1)/2
    // window 1: sample 0 mean 2 → e², sample 1 mean 1 → e     → (e² + e)/2
    double[][] h = {{1, 1, 1, 2, 2, 2, 0}, {0, 0, 0, 1, 1, 1, 3, 3}};
    assertArrayEquals(
        new double[] {(E + 1) / 2, (E * E + E) / 2}, BranchingFactorCurves.windowed(h, 3), EPS);
  }

  @Test
  void windowedCurveMeansExpsNotExpOfMeans() {
    // one window of 1 step: samples with entropy 0 and 2 → (1 + e²)/2, not e¹
    double[][] h = {{0.0}, {2.0}};
    assertArrayEquals(new double[] {(1 + E * E) / 2}, BranchingFactorCurves.windowed(h, 1), EPS);
  }

  @Test
  void windowedCurveIsEmptyWhenShortestSampleIsShorterThanTheWindow() {
    double[][] h = {{1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}};
    assertEquals(0, BranchingFactorCurves.windowed(h, BranchingFactorCurves.DEFAULT_WINDOW).length);
    assertThrows(IllegalArgumentException.class, () -> BranchingFactorCurves.windowed(h, 0));
  }

  @Test
  void cumulativeCurveByHand() {
    // minLen = 2
    // t = 0: exp(1) and exp(0)                 → (e + 1)/2
    // t = 1: exp((1+3)/2) = e², exp((0+2)/2) = e → (e² + e)/2
    double[][] h = {{1, 3}, {0, 2, 9}};
    assertArrayEquals(
        new double[] {(E + 1) / 2, (E * E + E) / 2}, BranchingFactorCurves.cumulative(h), EPS);
  }
}
