package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntropyTest {

  private static final double EPS = 1e-12;
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;
  private static final double LN2 = Math.log(2);

  @Test
  void halfQuarterQuarterIsOneAndAHalfLn2() {
    // H = −(0.5 ln 0.5 + 2 · 0.25 ln 0.25) = 0.5 ln2 + 0.5 · 2 ln2 = 1.5 ln2
    double[] logProbs = {Math.log(0.5), Math.log(0.25), Math.log(0.25)};
    assertEquals(1.5 * LN2, Entropy.fromLogProbs(logProbs), EPS);
    assertEquals(1.5 * LN2, Entropy.fromProbabilities(new double[] {0.5, 0.25, 0.25}), EPS);
  }

  @Test
  void unnormalisedScoresAreNormalisedFirst() {
    // log-scores ln2 + 7, 7, 7 → weights 2:1:1 → the same [0.5, 0.25, 0.25]
    double[] scores = {LN2 + 7, 7, 7};
    assertEquals(1.5 * LN2, Entropy.fromLogProbs(scores), EPS);
    // weights 2:1:1 as probabilities are normalised by their sum (4) too
    assertEquals(1.5 * LN2, Entropy.fromProbabilities(new double[] {2, 1, 1}), EPS);
  }

  @Test
  void largeScoresDoNotOverflow() {
    // exp(1000) overflows; log-sum-exp subtracts the max: two equal scores → ln2
    assertEquals(LN2, Entropy.fromLogProbs(new double[] {1000, 1000}), EPS);
    assertEquals(LN2, Entropy.fromLogProbs(new double[] {-1000, -1000}), EPS);
  }

  @Test
  void negativeInfinityContributesZero() {
    // [0.5, 0, 0.5] → ln2; 0 · log 0 is taken as 0, not NaN
    double[] logProbs = {Math.log(0.5), NEG_INF, Math.log(0.5)};
    assertEquals(LN2, Entropy.fromLogProbs(logProbs), EPS);
    assertEquals(LN2, Entropy.fromProbabilities(new double[] {0.5, 0.0, 0.5}), EPS);
  }

  @Test
  void pointMassHasZeroEntropyAndUniformHasLogV() {
    assertEquals(0.0, Entropy.fromLogProbs(new double[] {0.0, NEG_INF, NEG_INF}));
    assertEquals(Math.log(4), Entropy.fromLogProbs(new double[] {-3, -3, -3, -3}), EPS);
  }

  @Test
  void rejectsEmptyNaNAndNoMass() {
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> Entropy.fromLogProbs(new double[0]));
    assertTrue(empty.getMessage().contains("non-empty"), empty.getMessage());
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> Entropy.fromLogProbs(new double[] {0.0, Double.NaN}));
    assertTrue(nan.getMessage().contains("[1]") && nan.getMessage().contains("NaN"));
    IllegalArgumentException noMass =
        assertThrows(
            IllegalArgumentException.class,
            () -> Entropy.fromLogProbs(new double[] {NEG_INF, NEG_INF}));
    assertTrue(noMass.getMessage().contains("-Infinity"), noMass.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> Entropy.fromProbabilities(new double[] {0.5, -0.1}));
    assertEquals("probs[1] must be finite and >= 0, got -0.1", negative.getMessage());
  }
}
