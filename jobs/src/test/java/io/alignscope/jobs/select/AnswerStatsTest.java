package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.lm.infer.PairScores;
import io.alignscope.lm.infer.TokenScores;
import org.junit.jupiter.api.Test;

/** IFD, shift density, KL, entropy and preference margins from hand-made per-token scores. */
class AnswerStatsTest {
  private static final double EPS = 1e-6;
  private static final double LN2 = Math.log(2);

  private static float ln(double p) {
    return (float) Math.log(p);
  }

  private static TokenScores scores(float[] logProb, float[] entropy, int[] rank) {
    int n = logProb.length;
    return new TokenScores(logProb, entropy, rank, new int[n], new float[n]);
  }

  /**
   * Base after the prompt: p = 1/2, 1/4, 1/8 → loss (1 + 2 + 3)·ln2 / 3 = 2 ln2. Base after BOS
   * alone: p = 1/4, 1/8, 1/16 → loss 3 ln2. IFD = 2/3. Ranks 1, 4, 7 → 2 of 3 shifted. KL 0.1,
   * 0.2, 0.6 → mean 0.3. Entropies 1, 2, 3 → 2, BF e². Aligned p = 0.9, 0.8, 0.7.
   */
  private static final PairScores CHOSEN = new PairScores(
      scores(new float[] {ln(0.9), ln(0.8), ln(0.7)}, new float[] {0.5f, 0.5f, 0.5f}, new int[] {1, 1, 1}),
      scores(new float[] {ln(0.5), ln(0.25), ln(0.125)}, new float[] {1f, 2f, 3f}, new int[] {1, 4, 7}),
      new float[] {0.1f, 0.2f, 0.6f});

  @Test
  void ifdWithTheBosContextByHand() {
    TokenScores alone = scores(new float[] {ln(0.25), ln(0.125), ln(0.0625)}, new float[3], new int[] {1, 1, 1});
    AnswerStats s = AnswerStats.of(CHOSEN, alone, IfdContext.BOS);
    assertEquals(3, s.tokens());
    assertEquals(2 * LN2, s.conditionedLoss(), EPS);
    assertEquals(3 * LN2, s.directLoss(), EPS);
    assertEquals(2.0 / 3.0, s.ifd(), EPS);
    assertEquals(2.0 / 3.0, s.shiftDensity(), EPS);
    assertEquals(0.3, s.meanKl(), EPS);
    assertEquals(2.0, s.answerEntropy(), EPS);
    assertEquals(Math.exp(2.0), s.answerBf(), 1e-5);
    assertEquals((Math.log(0.9) + Math.log(0.8) + Math.log(0.7)) / 3, s.alignedMeanLogProb(), EPS);
    assertEquals(-2 * LN2, s.baseMeanLogProb(), EPS);
  }

  /**
   * Without a BOS the first answer token is the context: both losses cover tokens 2..3.
   * Conditioned (2 + 3)·ln2 / 2 = 2.5 ln2; alone p = 1/4, 1/2 → 1.5 ln2; IFD = 5/3.
   */
  @Test
  void ifdWithTheFirstAnswerTokenAsContextByHand() {
    TokenScores alone = scores(new float[] {ln(0.25), ln(0.5)}, new float[2], new int[] {1, 1});
    AnswerStats s = AnswerStats.of(CHOSEN, alone, IfdContext.FIRST_ANSWER_TOKEN);
    assertEquals(2.5 * LN2, s.conditionedLoss(), EPS);
    assertEquals(1.5 * LN2, s.directLoss(), EPS);
    assertEquals(5.0 / 3.0, s.ifd(), EPS);
    // the other statistics still cover the whole answer
    assertEquals(2.0 / 3.0, s.shiftDensity(), EPS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnswerStats.of(CHOSEN, alone, IfdContext.BOS));
    assertEquals("direct scores cover 2 tokens, expected 3 (bos context, answer of 3)", e.getMessage());
  }

  @Test
  void undefinedIfdIsNull() {
    assertNull(AnswerStats.of(CHOSEN, null, IfdContext.FIRST_ANSWER_TOKEN).ifd());
    // a certain answer alone (loss 0) makes the ratio undefined
    TokenScores certain = scores(new float[] {0f, 0f, 0f}, new float[3], new int[] {1, 1, 1});
    AnswerStats s = AnswerStats.of(CHOSEN, certain, IfdContext.BOS);
    assertNull(s.ifd());
    assertEquals(0.0, s.directLoss(), 0.0);
  }

  @Test
  void contexts() {
    long[] answer = {11, 12, 13};
    assertArrayEquals(new long[] {1}, IfdContext.BOS.context(answer, 1));
    assertArrayEquals(answer, IfdContext.BOS.targets(answer));
    assertArrayEquals(new long[] {11}, IfdContext.FIRST_ANSWER_TOKEN.context(answer, -1));
    assertArrayEquals(new long[] {12, 13}, IfdContext.FIRST_ANSWER_TOKEN.targets(answer));
    assertTrue(IfdContext.BOS.defined(1));
    assertFalse(IfdContext.FIRST_ANSWER_TOKEN.defined(1));
    assertEquals(IfdContext.BOS, IfdContext.of(true));
    assertEquals("first-answer-token", IfdContext.of(false).label());
  }

  /** Chosen aligned mean log-prob minus rejected: the margin per token. */
  @Test
  void preferenceMarginByHand() {
    PairScores rejected = new PairScores(
        scores(new float[] {ln(0.5), ln(0.5)}, new float[2], new int[] {1, 1}),
        scores(new float[] {ln(0.25), ln(0.25)}, new float[2], new int[] {2, 9}),
        new float[] {0.4f, 0.8f});
    AnswerStats c = AnswerStats.of(CHOSEN, null, IfdContext.BOS);
    AnswerStats r = AnswerStats.of(rejected, null, IfdContext.BOS);
    PreferenceStats p = PreferenceStats.of(c, r);
    assertEquals(2, p.rejectedTokens());
    assertEquals(0.6, p.rejectedMeanKl(), EPS);
    assertEquals((Math.log(0.9) + Math.log(0.8) + Math.log(0.7)) / 3 - Math.log(0.5), p.preferenceMargin(), EPS);
    // base: −2 ln2 − (−2 ln2) = 0
    assertEquals(0.0, p.basePreferenceMargin(), EPS);
  }

  @Test
  void embeddingsAreNormalised() {
    float[] n = Embeddings.normalised(new float[] {9, 3, 4, 9}, 1, 2);
    assertArrayEquals(new float[] {0.6f, 0.8f}, n, 1e-7f);
    assertNull(Embeddings.normalised(new float[] {0, 0}, 0, 2));
    assertNull(Embeddings.normalised(new float[] {Float.NaN, 1}, 0, 2));
  }

  @Test
  void centringSubtractsTheMeanThenNormalises() {
    // (4, 5) - (1, 1) = (3, 4), norm 5.
    assertArrayEquals(new float[] {0.6f, 0.8f}, Embeddings.centredNormalised(new float[] {4, 5}, new double[] {1, 1}),
        1e-7f);
    // Two nearly parallel unit vectors (cosine 0.995) become opposite around their mean.
    float[] a = {0.8f, 0.6f};
    float[] b = {0.6f, 0.8f};
    double[] mean = {0.7, 0.7};
    float[] ca = Embeddings.centredNormalised(a, mean);
    float[] cb = Embeddings.centredNormalised(b, mean);
    assertEquals(-1.0, ca[0] * cb[0] + ca[1] * cb[1], 1e-6);
    assertNull(Embeddings.centredNormalised(new float[] {0.7f, 0.7f}, new double[] {0.7f, 0.7f}));
    assertThrows(IllegalArgumentException.class, () -> Embeddings.centredNormalised(new float[] {1}, mean));
  }
}
