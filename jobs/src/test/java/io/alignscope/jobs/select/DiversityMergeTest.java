package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.jobs.select.DiversityMerge.Candidate;
import io.alignscope.jobs.select.DiversityMerge.Decision;
import io.alignscope.jobs.select.DiversityMerge.MergeResult;
import io.alignscope.jobs.select.DiversityMerge.Outcome;
import io.alignscope.stats.CosineSimilarity;
import io.alignscope.stats.DeitaDiversityFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two steps of the distributed DEITA filter on hand-made vectors. */
class DiversityMergeTest {

  private static Candidate c(String id, String stratum, long position, double... v) {
    float[] e = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      e[i] = (float) v[i];
    }
    return new Candidate(id, stratum, position, e);
  }

  private static Candidate deg(String id, long position, double degrees) {
    double r = Math.toRadians(degrees);
    return c(id, "*", position, Math.cos(r), Math.sin(r));
  }

  private static List<String> ids(MergeResult m) {
    return m.selected().stream().map(s -> s.candidate().id()).toList();
  }

  /**
   * In rank order (0)=(1,0), (1)=(1,0.1), (2)=(0,1), (3)=(1,1), (4)=(−1,0), τ = 0.9, budget 3:
   * #0 in; #1 out (cos 1/√1.01 = 0.995 to #0); #2 in (0); #3 in (0.707 to #0 and #2) → budget
   * reached, #4 not looked at.
   */
  @Test
  void finalWalkByHand() {
    List<Candidate> cs = List.of(c("e", "*", 5, -1, 0), c("d", "*", 4, 1, 1), c("c", "*", 3, 0, 1),
        c("b", "*", 2, 1, 0.1), c("a", "*", 1, 1, 0));
    MergeResult m = DiversityMerge.merge(cs, 0.9, Map.of("*", 3L), DiversityMerge.NO_HORIZON);
    assertEquals(List.of("a", "c", "d"), ids(m));
    assertEquals(0, m.shortfall());
    assertTrue(m.exact());
    assertEquals(1, m.clashes().size());
    assertEquals("b", m.clashes().get(0).candidate().id());
    assertEquals("a", m.clashes().get(0).similarTo());
    assertEquals(1 / Math.sqrt(1.01), m.clashes().get(0).cosine(), 1e-7);
    // the first selected row has nothing before it; "d" is closest to "a" (or "c", equal: the first wins)
    assertTrue(Double.isNaN(m.selected().get(0).maxCosine()));
    assertNull(m.selected().get(0).closestId());
    assertEquals(0.0, m.selected().get(1).maxCosine(), 1e-7);
    assertEquals(1 / Math.sqrt(2), m.selected().get(2).maxCosine(), 1e-7);
    assertEquals(3, m.selected().get(2).order());
    // budget 10: "e" too (cosines −1, 0, −0.707), then the walk runs out: 4 selected, 6 short
    MergeResult all = DiversityMerge.merge(cs, 0.9, Map.of("*", 10L), DiversityMerge.NO_HORIZON);
    assertEquals(List.of("a", "c", "d", "e"), ids(all));
    assertEquals(6, all.shortfall());
  }

  /** With one partition and no cap the two steps are the exact sequential greedy filter. */
  @Test
  void onePartitionWithoutCapsIsTheSequentialFilter() {
    SplittableRandom random = new SplittableRandom(3);
    List<Candidate> cs = new ArrayList<>();
    double[][] vectors = new double[300][];
    for (int i = 0; i < vectors.length; i++) {
      float[] e = new float[6];
      double[] d = new double[6];
      for (int j = 0; j < 6; j++) {
        e[j] = (float) (random.nextDouble() - 0.3);
        d[j] = e[j];
      }
      vectors[i] = d;
      cs.add(new Candidate(String.format("r%03d", i), "*", i + 1, e));
    }
    for (double tau : new double[] {0.3, 0.6, 0.9}) {
      List<Decision> walked = DiversityMerge.walkPartition(cs.iterator(), tau, Map.of("*", Integer.MAX_VALUE));
      List<Candidate> kept = walked.stream().filter(d -> d.outcome() == Outcome.ACCEPTED).map(Decision::candidate)
          .toList();
      MergeResult m = DiversityMerge.merge(kept, tau, Map.of("*", 40L), DiversityMerge.NO_HORIZON);
      int[] expected = DeitaDiversityFilter.select(vectors, tau, 40);
      assertArrayEquals(expected, m.selected().stream().mapToInt(s -> (int) s.candidate().position() - 1).toArray(),
          "tau " + tau);
    }
  }

  /**
   * The approximation. A = 0°, B = 20°, C = 45°: cos(A,B) = 0.940, cos(B,C) = 0.906, cos(A,C) =
   * 0.707; τ = 0.9, ranks A, B, C. Sequentially A is in, B out (A), C in (only A is selected).
   * Distributed with A alone in one partition and B, C in another, that partition keeps B and
   * drops C (too close to B); the final walk then drops B (too close to A) and never sees C.
   */
  @Test
  void aRowDroppedInsideItsPartitionIsLost() {
    Candidate a = deg("A", 1, 0);
    Candidate b = deg("B", 2, 20);
    Candidate cc = deg("C", 3, 45);
    List<Decision> p1 = DiversityMerge.walkPartition(List.of(a).iterator(), 0.9, Map.of("*", 10));
    List<Decision> p2 = DiversityMerge.walkPartition(List.of(b, cc).iterator(), 0.9, Map.of("*", 10));
    assertEquals(Outcome.ACCEPTED, p2.get(0).outcome());
    assertEquals(Outcome.TOO_SIMILAR, p2.get(1).outcome());
    assertEquals("B", p2.get(1).similarTo());
    assertEquals(Math.cos(Math.toRadians(25)), p2.get(1).cosine(), 1e-6);
    List<Candidate> candidates = new ArrayList<>();
    for (Decision d : p1) {
      candidates.add(d.candidate());
    }
    candidates.add(p2.get(0).candidate());
    MergeResult distributed = DiversityMerge.merge(candidates, 0.9, Map.of("*", 2L), DiversityMerge.NO_HORIZON);
    assertEquals(List.of("A"), ids(distributed));
    assertEquals(1, distributed.shortfall());
    MergeResult sequential = DiversityMerge.merge(List.of(a, b, cc), 0.9, Map.of("*", 2L), DiversityMerge.NO_HORIZON);
    assertEquals(List.of("A", "C"), ids(sequential));
  }

  /** Caps: rows past a stratum's cap are not reached; a stratum without a cap keeps nothing. */
  @Test
  void partitionCapsAndTheHorizon() {
    List<Decision> d = DiversityMerge.walkPartition(List.of(deg("a", 1, 0), deg("b", 2, 90), deg("c", 3, 180),
        c("z", "other", 4, 0, -1)).iterator(), 0.9, Map.of("*", 2));
    assertEquals(List.of(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.NOT_REACHED, Outcome.NOT_REACHED),
        d.stream().map(Decision::outcome).toList());
    // the horizon is the first unwalked position, 3: a result using only positions 1, 2 is exact
    List<Candidate> kept = List.of(deg("a", 1, 0), deg("b", 2, 90));
    assertTrue(DiversityMerge.merge(kept, 0.9, Map.of("*", 2L), 3).exact());
    // a budget of 3 would need rows at or beyond the horizon: not exact
    MergeResult short3 = DiversityMerge.merge(kept, 0.9, Map.of("*", 3L), 3);
    assertFalse(short3.exact());
    assertEquals(1, short3.shortfall());
    // a kept row beyond the horizon (another partition's) selected → not exact either
    List<Candidate> mixed = List.of(deg("a", 1, 0), deg("b", 2, 0.5), deg("x", 7, 90));
    assertFalse(DiversityMerge.merge(mixed, 0.9, Map.of("*", 2L), 3).exact());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DiversityMerge.walkPartition(List.of(deg("a", 2, 0), deg("b", 1, 9)).iterator(), 0.9, Map.of("*", 9)));
    assertEquals("rows must come in walk order: 1 after 2", e.getMessage());
  }

  /**
   * Quotas x:2, y:1. Walk: x1 in, x2 in, y1 out (same direction as x1), x3 skipped (x full) →
   * quotas leave 1 row open; the fill-up walk takes x3 beyond its quota.
   */
  @Test
  void quotasThenFillUp() {
    List<Candidate> cs = List.of(c("x1", "x", 1, 1, 0), c("x2", "x", 2, 0, 1), c("y1", "y", 3, 1, 0.01),
        c("x3", "x", 4, -1, 0));
    MergeResult m = DiversityMerge.merge(cs, 0.9, Map.of("x", 2L, "y", 1L), DiversityMerge.NO_HORIZON);
    assertEquals(List.of("x1", "x2", "x3"), ids(m));
    assertFalse(m.selected().get(1).beyondQuota());
    assertTrue(m.selected().get(2).beyondQuota());
    assertEquals("y1", m.clashes().get(0).candidate().id());
    // selected pairs all within τ
    for (var s : m.selected()) {
      for (var t : m.selected()) {
        if (s != t) {
          assertTrue(CosineSimilarity.of(Embeddings.toDoubles(s.candidate().embedding()),
              Embeddings.toDoubles(t.candidate().embedding())) <= 0.9);
        }
      }
    }
  }
}
