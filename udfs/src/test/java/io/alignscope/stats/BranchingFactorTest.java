package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BranchingFactorTest {

  private static final double EPS = 1e-12;
  private static final double[][] ENTROPIES = BranchingFactorExample.ENTROPIES;
  private static final double[][] NLLS = BranchingFactorExample.NLLS;

  @Test
  void workedExampleEffectiveLengthAndMeans() {
    int[] lengths = {2, 4, 5, 6, 7, 10};
    assertEquals(5, EffectiveLength.of(lengths, BranchingFactorSettings.DEFAULTS));
    double[] means = BranchingFactor.meanEntropyByPosition(ENTROPIES, 5);
    double[] expected = {1.0, 1.0, 1.2, 1.1, 1.25};
    for (int t = 0; t < 5; t++) {
      assertEquals(expected[t], means[t], EPS, "H̄_" + t);
    }
  }

  @Test
  void workedExampleEstimators() {
    assertEquals(Math.exp(1.11), BranchingFactor.entropyEstimate(ENTROPIES), EPS);
    assertEquals(Math.exp(11.0 / 13.0), BranchingFactor.aepEstimate(ENTROPIES, NLLS), EPS);
    BranchingFactorResult r = BranchingFactor.perPrompt(ENTROPIES, NLLS);
    assertEquals(5, r.effectiveLength());
    assertEquals(BranchingFactorEstimator.ENTROPY, r.estimator()); // L = 5 ≤ 50
    assertEquals(Math.exp(1.11), r.value(), EPS);
    assertEquals(Math.exp(11.0 / 13.0), r.aepEstimate(), EPS);
  }

  @Test
  void aboveTheThresholdTheAepEstimatorIsChosen() {
    BranchingFactorResult r =
        BranchingFactor.perPrompt(ENTROPIES, NLLS, new BranchingFactorSettings(95, 3, 4));
    assertEquals(BranchingFactorEstimator.AEP, r.estimator()); // L = 5 > 4
    assertEquals(Math.exp(11.0 / 13.0), r.value(), EPS);
    assertEquals(Math.exp(1.11), r.entropyEstimate(), EPS);
  }

  @Test
  void percentileCapsTheLengthWhenEnoughSamplesAreAlive() {
    // 90 samples of length 8, 6 of 12, 4 of 20: h = 99·0.95 = 94.05 → x94 = x95 = 12 → L0 = 12.
    // alive(t) for t = 8..11 is 10 > 3, so no cut: L = 12 although the longest sample has 20.
    int[] lengths = new int[100];
    Arrays.fill(lengths, 0, 90, 8);
    Arrays.fill(lengths, 90, 96, 12);
    Arrays.fill(lengths, 96, 100, 20);
    assertEquals(12, EffectiveLength.of(lengths, BranchingFactorSettings.DEFAULTS));
  }

  @Test
  void floorUsesNumpysRounding() {
    // P95 of [10]*9 + [30] is 20.99999999999998 in numpy → L0 = 20; min-alive 0 keeps it
    int[] lengths = {10, 10, 10, 10, 10, 10, 10, 10, 10, 30};
    assertEquals(20, EffectiveLength.of(lengths, new BranchingFactorSettings(95, 0, 50)));
    // with the default min-alive 3, alive(10) = 1 ≤ 3 cuts at 10
    assertEquals(10, EffectiveLength.of(lengths, BranchingFactorSettings.DEFAULTS));
  }

  @Test
  void singleSampleKeepsItsWholeLength() {
    // M = 1 ≤ minAlive: the cut uses alive(t) = 0, never reached before L0 = floor(P) = 4
    double[][] h = {{0.2, 0.4, 0.6, 0.8}};
    double[][] nll = {{1.0, 0.0, 2.0, 1.0}};
    BranchingFactorResult r = BranchingFactor.perPrompt(h, nll);
    assertEquals(4, r.effectiveLength());
    assertEquals(Math.exp(0.5), r.entropyEstimate(), EPS); // mean 2.0/4
    assertEquals(Math.exp(1.0), r.aepEstimate(), EPS); // mean 4.0/4
  }

  @Test
  void threeSamplesAreNotCutByMinAlive() {
    // M = 3 ≤ 3: P95 of [2,5,9] = 5 + 0.9·4 = 8.6 → L = 8 even though alive(5) = 1
    assertEquals(8, EffectiveLength.of(new int[] {2, 5, 9}, BranchingFactorSettings.DEFAULTS));
  }

  @Test
  void eosOnlyAnswersHaveLengthOne() {
    // five samples of length 1: P = 1, alive(0) = 5 > 3 → L = 1
    double[][] h = {{0.1}, {0.2}, {0.3}, {0.4}, {0.5}};
    double[][] nll = {{0.0}, {0.0}, {0.0}, {0.0}, {1.0}};
    BranchingFactorResult r = BranchingFactor.perPrompt(h, nll);
    assertEquals(1, r.effectiveLength());
    assertEquals(Math.exp(0.3), r.entropyEstimate(), EPS); // mean of 0.1..0.5
    assertEquals(Math.exp(0.2), r.aepEstimate(), EPS); // 1.0 / 5
  }

  @Test
  void zeroEffectiveLengthGivesNaN() {
    // lengths [0,0,0,5,5]: P95 = 5, but alive(0) = 2 ≤ 3 → L = 0
    double[][] h = {{}, {}, {}, {1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}};
    BranchingFactorResult r = BranchingFactor.perPrompt(h, h);
    assertEquals(0, r.effectiveLength());
    assertTrue(Double.isNaN(r.entropyEstimate()));
    assertTrue(Double.isNaN(r.aepEstimate()));
    assertEquals(BranchingFactorEstimator.ENTROPY, r.estimator());
    assertTrue(Double.isNaN(r.value()));
  }

  @Test
  void datasetMeanIsMeanOfExpsIgnoringNaN() {
    double[] perPrompt = {Math.E, Double.NaN, 3.0};
    assertEquals((Math.E + 3.0) / 2, BranchingFactor.datasetMean(perPrompt), EPS);
    assertTrue(Double.isNaN(BranchingFactor.datasetMean(new double[] {Double.NaN, Double.NaN})));
    assertTrue(Double.isNaN(BranchingFactor.datasetMean(new double[0])));
  }

  @Test
  void rejectsRaggedMismatchAndBadValues() {
    double[][] nll = {{1, 1}, {1}};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BranchingFactor.aepEstimate(new double[][] {{1, 1}, {1, 1}}, nll));
    assertEquals("entropies[1] and nlls[1] must have the same length, got 2 and 1", e.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> BranchingFactor.entropyEstimate(new double[][] {{0.5, -1}}));
    assertEquals("entropies[0][1] must be finite and >= 0, got -1.0", negative.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> BranchingFactor.entropyEstimate(new double[0][]));
    assertThrows(
        IllegalArgumentException.class, () -> new BranchingFactorSettings(95, -1, 50));
  }
}
