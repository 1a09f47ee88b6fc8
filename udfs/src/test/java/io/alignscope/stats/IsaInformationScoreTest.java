package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IsaInformationScoreTest {

  private static final double EPS = 1e-12;

  /**
   * l = [−10, −6, −2, −8]: min −10, max −2, range 8 → l′ = [0, 0.5, 1, 0.25], p = e^l′ = [1,
   * e^0.5, e, e^0.25]; ΔH_i = p_i ln p_i = l′_i e^l′_i = [0, 0.5 e^0.5, e, 0.25 e^0.25] ≈ [0,
   * 0.8244, 2.7183, 0.3210].
   */
  private static final double[] LOG_LIKELIHOODS = {-10, -6, -2, -8};

  @Test
  void workedExampleScores() {
    assertArrayEquals(
        new double[] {0, 0.5, 1, 0.25},
        IsaInformationScore.scaledLogLikelihoods(LOG_LIKELIHOODS),
        EPS);
    double[] expected = {0, 0.5 * Math.exp(0.5), Math.E, 0.25 * Math.exp(0.25)};
    assertArrayEquals(expected, IsaInformationScore.scores(LOG_LIKELIHOODS), EPS);
  }

  @Test
  void scoreIsTheEntropyChangeWhenThePointIsRemoved() {
    // H = −Σ p ln p with the p fixed by the full set's scaling; H_{−i} drops term i
    double h = IsaInformationScore.entropy(LOG_LIKELIHOODS);
    assertEquals(-(0.5 * Math.exp(0.5) + Math.E + 0.25 * Math.exp(0.25)), h, EPS);
    double[] p = {1, Math.exp(0.5), Math.E, Math.exp(0.25)};
    double[] scores = IsaInformationScore.scores(LOG_LIKELIHOODS);
    for (int i = 0; i < p.length; i++) {
      double hWithout = 0;
      for (int j = 0; j < p.length; j++) {
        if (j != i) {
          hWithout -= p[j] * Math.log(p[j]);
        }
      }
      assertEquals(hWithout - h, scores[i], EPS, "ΔH_" + i);
    }
  }

  @Test
  void rankingDirections() {
    double[] scores = IsaInformationScore.scores(LOG_LIKELIHOODS);
    // ascending ΔH = ascending likelihood: −10, −8, −6, −2
    assertArrayEquals(new int[] {0, 3, 1, 2}, IsaInformationScore.rank(scores));
    assertArrayEquals(
        new int[] {2, 1, 3, 0}, IsaInformationScore.rank(scores, IsaRankOrder.TYPICAL_FIRST));
    assertEquals(IsaRankOrder.ATYPICAL_FIRST, IsaRankOrder.DEFAULT);
  }

  @Test
  void equalLikelihoodsScaleToZeroAndKeepIndexOrder() {
    double[] scores = IsaInformationScore.scores(new double[] {-3, -3, -3});
    assertArrayEquals(new double[] {0, 0, 0}, scores);
    assertArrayEquals(
        new int[] {0, 1, 2}, IsaInformationScore.rank(scores, IsaRankOrder.TYPICAL_FIRST));
    assertThrows(
        IllegalArgumentException.class,
        () -> IsaInformationScore.scores(new double[] {0, Double.NEGATIVE_INFINITY}));
  }

  @Test
  void saturationCurve() {
    // R(x) = r − (r − a) e^(−bx), r = 85, a = 60, b = 10
    assertEquals(60.0, SaturationCurve.value(0, 85, 60, 10), EPS); // R(0) = a
    assertEquals(85 - 25 * Math.exp(-1), SaturationCurve.value(0.1, 85, 60, 10), EPS); // ≈ 75.80
    assertEquals(85.0, SaturationCurve.value(10, 85, 60, 10), 1e-9); // plateau
    assertThrows(
        IllegalArgumentException.class, () -> SaturationCurve.value(Double.NaN, 85, 60, 10));
  }

  @Test
  void onePointScoreFromTheSetsMinAndMaxMatchesTheArrayForm() {
    // l = −6 in the worked example: l′ = (−6 + 10)/8 = 0.5, ΔH = 0.5 e^0.5 ≈ 0.8244
    assertEquals(0.5 * Math.exp(0.5), IsaInformationScore.score(-6, -10, -2), EPS);
    assertEquals(Math.E, IsaInformationScore.score(-2, -10, -2), EPS);
    assertEquals(0.0, IsaInformationScore.score(-10, -10, -2), EPS);
    double[] all = IsaInformationScore.scores(LOG_LIKELIHOODS);
    for (int i = 0; i < LOG_LIKELIHOODS.length; i++) {
      assertEquals(all[i], IsaInformationScore.score(LOG_LIKELIHOODS[i], -10, -2), 0.0, "point " + i);
    }
    assertEquals(0.0, IsaInformationScore.score(-3, -3, -3), 0.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IsaInformationScore.score(-1, -10, -2));
    assertEquals("need min <= logLikelihood <= max, got min = -10.0, logLikelihood = -1.0, max = -2.0",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> IsaInformationScore.score(Double.NaN, -10, -2));
  }
}
