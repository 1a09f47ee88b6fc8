package io.alignscope.lm.infer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeacherForcedScorerTest {
  @TempDir static Path dir;
  static ModelFixture a;
  static ModelFixture b;
  static final List<long[]> CONTEXTS = List.of(new long[] {0, 17, 33}, new long[] {0, 5}, new long[] {0, 9, 81, 120, 4, 44});
  static final List<long[]> TARGETS = List.of(new long[] {7, 8, 9, 1}, new long[] {200, 3, 55, 66, 77, 88, 99, 1}, new long[] {1});

  @BeforeAll
  static void load() throws Exception {
    a = new ModelFixture(dir.resolve("a"), 11);
    b = new ModelFixture(dir.resolve("b"), 12);
  }

  @AfterAll
  static void close() {
    a.close();
    b.close();
  }

  @Test
  void statisticsEqualTheDefinitionsAppliedToFullLogits() {
    List<TokenScores> scores = TeacherForcedScorer.defaults().score(a.model, CONTEXTS, TARGETS);
    for (int i = 0; i < CONTEXTS.size(); i++) {
      long[] c = CONTEXTS.get(i);
      long[] t = TARGETS.get(i);
      long[] seq = concat(c, t);
      double[][] logits = a.logits(seq);
      TokenScores s = scores.get(i);
      assertEquals(t.length, s.length());
      for (int k = 0; k < t.length; k++) {
        double[] logp = ModelFixture.logSoftmax(logits[c.length - 1 + k]);
        int y = (int) t[k];
        int rank = 1;
        double entropy = 0;
        int top = 0;
        for (int v = 0; v < logp.length; v++) {
          rank += logp[v] > logp[y] ? 1 : 0;
          entropy -= Math.exp(logp[v]) * logp[v];
          top = logp[v] > logp[top] ? v : top;
        }
        assertEquals(logp[y], s.logProb()[k], 1e-4);
        assertEquals(entropy, s.entropy()[k], 1e-4);
        assertEquals(rank, s.rank()[k]);
        assertEquals(top, s.topToken()[k]);
        assertEquals(Math.exp(logp[top]), s.topProb()[k], 1e-5);
      }
    }
  }

  @Test
  void paddedBatchesEqualSequencesScoredAlone() {
    for (Padding padding : Padding.values()) {
      TeacherForcedScorer scorer = new TeacherForcedScorer(padding, 1000);
      List<TokenScores> batch = scorer.score(a.model, CONTEXTS, TARGETS);
      for (int i = 0; i < CONTEXTS.size(); i++) {
        TokenScores alone = scorer.score(a.model, List.of(CONTEXTS.get(i)), List.of(TARGETS.get(i))).get(0);
        assertArrayEquals(alone.logProb(), batch.get(i).logProb(), 1e-5f, padding + " row " + i);
        assertArrayEquals(alone.entropy(), batch.get(i).entropy(), 1e-5f, padding + " row " + i);
        assertArrayEquals(alone.rank(), batch.get(i).rank(), padding + " row " + i);
      }
    }
  }

  @Test
  void pairScoresGiveTheFullVocabularyKl() {
    List<long[]> bContexts = List.of(new long[] {0, 2}, new long[] {0, 5, 6, 7}, new long[] {0});
    List<PairScores> pairs = new TeacherForcedScorer(Padding.RIGHT, 500)
        .scorePair(a.model, CONTEXTS, b.model, bContexts, TARGETS);
    for (int i = 0; i < TARGETS.size(); i++) {
      long[] t = TARGETS.get(i);
      double[][] pl = a.logits(concat(CONTEXTS.get(i), t));
      double[][] ql = b.logits(concat(bContexts.get(i), t));
      for (int k = 0; k < t.length; k++) {
        double[] lp = ModelFixture.logSoftmax(pl[CONTEXTS.get(i).length - 1 + k]);
        double[] lq = ModelFixture.logSoftmax(ql[bContexts.get(i).length - 1 + k]);
        double kl = 0;
        for (int v = 0; v < lp.length; v++) {
          kl += Math.exp(lp[v]) * (lp[v] - lq[v]);
        }
        assertEquals(kl, pairs.get(i).kl()[k], 1e-4);
        assertTrue(pairs.get(i).kl()[k] >= 0);
        assertEquals(lq[(int) t[k]], pairs.get(i).other().logProb()[k], 1e-4);
        assertEquals(lp[(int) t[k]], pairs.get(i).reference().logProb()[k], 1e-4);
      }
    }
    // A model against itself on the same context has zero divergence.
    PairScores self = TeacherForcedScorer.defaults().scorePair(a.model, CONTEXTS, a.model, CONTEXTS, TARGETS).get(1);
    for (float kl : self.kl()) {
      assertEquals(0, kl, 1e-5);
    }
  }

  @Test
  void emptyContextIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TeacherForcedScorer.defaults().score(a.model, List.of(new long[0]), List.of(new long[] {1})));
    assertTrue(e.getMessage().contains("context 0 is empty"));
  }

  static long[] concat(long[] x, long[] y) {
    long[] out = java.util.Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }
}
