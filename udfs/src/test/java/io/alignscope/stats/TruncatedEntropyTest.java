package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TruncatedEntropyTest {

  private static final double EPS = 1e-12;
  private static final double LN2 = Math.log(2);

  private static double[] logs(double... probs) {
    double[] out = new double[probs.length];
    for (int i = 0; i < probs.length; i++) {
      out[i] = Math.log(probs[i]);
    }
    return out;
  }

  @Test
  void crossingTokenIsKeptThenRenormalised() {
    // sorted 0.5, 0.3, 0.15, 0.05; cumulative 0.5, 0.8, 0.95 ≥ 0.9 → keep three
    // renormalise by 0.95: [10/19, 6/19, 3/19]
    // H = −Σ q ln q = ln19 − (10 ln10 + 6 ln6 + 3 ln3)/19 ≈ 0.9135
    double expected = Math.log(19) - (10 * Math.log(10) + 6 * Math.log(6) + 3 * Math.log(3)) / 19;
    double[] unsorted = logs(0.15, 0.5, 0.05, 0.3);
    assertEquals(expected, TruncatedEntropy.paperCompatible(unsorted, 0.9), EPS);
  }

  @Test
  void topKIsNormalisedAmongItselfFirst() {
    // top-3 of a bigger vocabulary: 0.4, 0.2, 0.2 (sum 0.8) → [0.5, 0.25, 0.25]
    double[] top = logs(0.2, 0.4, 0.2);
    // top-p 0.9: cumulative 0.5, 0.75, 1.0 → all three → 1.5 ln2
    assertEquals(1.5 * LN2, TruncatedEntropy.paperCompatible(top, 0.9), EPS);
    // top-p 0.7: 0.5, 0.75 ≥ 0.7 → two → [2/3, 1/3] → ln3 − (2/3) ln2
    assertEquals(Math.log(3) - 2.0 / 3.0 * LN2, TruncatedEntropy.paperCompatible(top, 0.7), EPS);
    // top-p 1 keeps everything
    assertEquals(1.5 * LN2, TruncatedEntropy.paperCompatible(top, 1.0), EPS);
  }

  @Test
  void firstTokenAloneWhenItReachesTopP() {
    assertEquals(0.0, TruncatedEntropy.paperCompatible(logs(0.95, 0.05), 0.9));
  }

  @Test
  void exactVariantAppliesTemperatureThenNucleusOverTheFullVocabulary() {
    // log-scores [ln2, 0, 0] / τ = 0.5 → [2 ln2, 0, 0] → weights 4:1:1 → [2/3, 1/6, 1/6]
    double[] scores = {LN2, 0, 0};
    // no truncation: H = ln6 − (4/6) ln4 = ln6 − (4/3) ln2
    assertEquals(Math.log(6) - 4.0 / 3.0 * LN2, TruncatedEntropy.exact(scores, 0.5, 1.0), EPS);
    // top-p 0.7: 2/3 < 0.7, 2/3 + 1/6 ≥ 0.7 → keep two → [4/5, 1/5] → ln5 − (4/5) ln4
    assertEquals(
        Math.log(5) - 0.8 * Math.log(4), TruncatedEntropy.exact(scores, 0.5, 0.7), EPS);
    // top-p 0.6: 2/3 ≥ 0.6 → one token → 0
    assertEquals(0.0, TruncatedEntropy.exact(scores, 0.5, 0.6));
    // τ = 1, top-p 1 is the plain full-vocabulary entropy of [1/2, 1/4, 1/4]
    assertEquals(1.5 * LN2, TruncatedEntropy.exact(scores, 1.0, 1.0), EPS);
  }

  @Test
  void rejectsBadTopPAndTemperature() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TruncatedEntropy.paperCompatible(new double[] {0}, 0.0));
    assertEquals("topP must be in (0, 1], got 0.0", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> TruncatedEntropy.paperCompatible(new double[] {0}, 1.5));
    assertThrows(
        IllegalArgumentException.class, () -> TruncatedEntropy.exact(new double[] {0}, 0.0, 0.9));
  }
}
