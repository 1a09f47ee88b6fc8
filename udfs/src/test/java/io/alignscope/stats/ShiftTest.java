package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Token rank, shift classes and the per-answer shift statistics. */
class ShiftTest {

  private static final double EPS = 1e-12;

  @Test
  void rankCountsStrictlyMoreProbableTokensSoTiesShareTheBetterRank() {
    // p = [0.4, 0.2, 0.2, 0.1, 0.1]
    double[] lp = {Math.log(0.4), Math.log(0.2), Math.log(0.2), Math.log(0.1), Math.log(0.1)};
    assertEquals(1, TokenRank.rank(lp, 0)); // nothing above 0.4
    assertEquals(2, TokenRank.rank(lp, 1)); // only 0.4 above; the other 0.2 is a tie
    assertEquals(2, TokenRank.rank(lp, 2));
    assertEquals(4, TokenRank.rank(lp, 3)); // 0.4, 0.2, 0.2 above
    assertEquals(4, TokenRank.rank(lp, 4));
  }

  @Test
  void rankWithNegativeInfinityAndUnnormalisedScores() {
    // token 2 has probability 0: three tokens above it → rank 4, the other −∞ ties
    double[] scores = {5.0, 1.0, Double.NEGATIVE_INFINITY, 3.0, Double.NEGATIVE_INFINITY};
    assertEquals(4, TokenRank.rank(scores, 2));
    assertEquals(2, TokenRank.rank(scores, 3));
  }

  @Test
  void rankRejectsTokenOutOfRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TokenRank.rank(new double[3], 3));
    assertEquals("token 3 is out of range for a vocabulary of size 3", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TokenRank.rank(new double[3], -1));
  }

  @Test
  void shiftClassBoundaries() {
    assertEquals(ShiftClass.UNSHIFTED, ShiftClass.ofRank(1));
    assertEquals(ShiftClass.MARGINAL, ShiftClass.ofRank(2));
    assertEquals(ShiftClass.MARGINAL, ShiftClass.ofRank(3));
    assertEquals(ShiftClass.SHIFTED, ShiftClass.ofRank(4));
    assertEquals("unshifted", ShiftClass.UNSHIFTED.label());
    assertEquals("marginal", ShiftClass.MARGINAL.toString());
    assertEquals("shifted", ShiftClass.SHIFTED.label());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShiftClass.ofRank(0));
    assertEquals("rank must be >= 1, got 0", e.getMessage());
  }

  @Test
  void summaryFractions() {
    // ranks 1,1,2,5,1,3,10,1: unshifted {1,1,1,1} = 4/8, marginal {2,3} = 2/8, shifted {5,10} = 2/8
    ShiftSummary s = ShiftSummary.of(new int[] {1, 1, 2, 5, 1, 3, 10, 1});
    assertEquals(new ShiftSummary(0.5, 0.25, 0.25), s);
  }

  @Test
  void densityIsFractionShiftedAndMeanKl() {
    // shifted: ranks 4 and 7 → 2/4 = 0.5; mean KL = (0.1 + 0.5 + 0 + 1.0) / 4 = 0.4
    ShiftDensity d = ShiftDensity.of(new int[] {1, 4, 1, 7}, new double[] {0.1, 0.5, 0.0, 1.0});
    assertEquals(0.5, d.fractionShifted(), EPS);
    assertEquals(0.4, d.meanKl(), EPS);
    assertThrows(
        IllegalArgumentException.class, () -> ShiftDensity.of(new int[] {1}, new double[2]));
  }

  @Test
  void shiftedFractionByRelativePosition() {
    // T = 5, B = 2: bin = floor(t·2/5): t=0→0, 1→0 (2/5), 2→0 (4/5), 3→1 (6/5), 4→1 (8/5)
    // bin 0 ranks {4, 1, 1} → 1/3 shifted; bin 1 ranks {9, 9} → 1
    assertArrayEquals(
        new double[] {1.0 / 3.0, 1.0},
        ShiftByPosition.shiftedFractions(new int[] {4, 1, 1, 9, 9}, 2),
        EPS);
    // T = 2, B = 3: t=0→0, t=1→floor(3/2)=1; bin 2 gets no position → NaN
    assertArrayEquals(
        new double[] {1.0, 0.0, Double.NaN},
        ShiftByPosition.shiftedFractions(new int[] {5, 2}, 3),
        EPS);
    assertThrows(
        IllegalArgumentException.class, () -> ShiftByPosition.shiftedFractions(new int[] {1}, 0));
  }
}
