package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KlDivergenceTest {

  private static final double EPS = 1e-12;
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private static double[] logs(double... probs) {
    double[] out = new double[probs.length];
    for (int i = 0; i < probs.length; i++) {
      out[i] = Math.log(probs[i]);
    }
    return out;
  }

  @Test
  void twoPointDistributionsByHand() {
    // p = [0.5, 0.5], q = [0.25, 0.75]
    // KL = 0.5 ln(0.5/0.25) + 0.5 ln(0.5/0.75) = 0.5 ln2 + 0.5 ln(2/3) = 0.5 ln(4/3) ≈ 0.1438410
    assertEquals(
        0.5 * Math.log(4.0 / 3.0),
        KlDivergence.fromLogProbs(logs(0.5, 0.5), logs(0.25, 0.75)),
        EPS);
    // reversed: 0.25 ln(0.25/0.5) + 0.75 ln(0.75/0.5) = 0.75 ln1.5 − 0.25 ln2 ≈ 0.1308121
    assertEquals(
        0.75 * Math.log(1.5) - 0.25 * Math.log(2),
        KlDivergence.fromLogProbs(logs(0.25, 0.75), logs(0.5, 0.5)),
        EPS);
  }

  @Test
  void zeroInPContributesNothingAndScoresAreNormalised() {
    // p = [1, 0, 0], q = [0.5, 0.25, 0.25]: only v = 0 counts: 1 · ln(1/0.5) = ln2
    double[] logP = {0.0, NEG_INF, NEG_INF};
    // q given as unnormalised scores 2:1:1
    double[] logQ = {Math.log(2) + 3, 3, 3};
    assertEquals(Math.log(2), KlDivergence.fromLogProbs(logP, logQ), EPS);
  }

  @Test
  void positivePWhereQIsZeroIsInfinite() {
    assertEquals(
        Double.POSITIVE_INFINITY,
        KlDivergence.fromLogProbs(logs(0.5, 0.5), new double[] {0.0, NEG_INF}));
  }

  @Test
  void identicalDistributionsGiveExactlyZeroNeverNegative() {
    double[] lp = {-0.1, -2.3, -5.0, -1.7};
    double kl = KlDivergence.fromLogProbs(lp, lp.clone());
    assertEquals(0.0, kl);
    // shifted copy of the same distribution: round-off may go below 0; it is clamped
    double[] shifted = {-0.1 + 1e-9, -2.3 + 1e-9, -5.0 + 1e-9, -1.7 + 1e-9};
    assertEquals(0.0, KlDivergence.fromLogProbs(lp, shifted), 1e-15);
  }

  @Test
  void lengthMismatchNamesBothLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KlDivergence.fromLogProbs(new double[3], new double[2]));
    assertEquals("logP and logQ must have the same length, got 3 and 2", e.getMessage());
  }
}
