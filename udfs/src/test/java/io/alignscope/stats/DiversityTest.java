package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Cosine similarity and the DEITA greedy filter. */
class DiversityTest {

  private static final double EPS = 1e-12;

  /**
   * In rank order. Cosines: (0,1) = 1/√1.01 ≈ 0.995; (0,2) = 0; (0,3) = (2,3) = 1/√2 ≈ 0.707;
   * (0,4) = −1, (2,4) = 0, (3,4) = −0.707.
   */
  private static final double[][] CANDIDATES = {
    {1, 0}, {1, 0.1}, {0, 1}, {1, 1}, {-1, 0},
  };

  @Test
  void cosineByHand() {
    double[] x = {1, 0};
    double[] diagonal = {1, 1};
    assertEquals(1 / Math.sqrt(2), CosineSimilarity.of(x, diagonal), EPS);
    assertEquals(-1.0, CosineSimilarity.of(new double[] {2, 0}, new double[] {-3, 0}), EPS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CosineSimilarity.of(new double[] {0, 0}, new double[] {1, 1}));
    assertEquals("a is a zero vector; cosine similarity is undefined", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CosineSimilarity.of(new double[] {1}, new double[] {1, 1}));
  }

  @Test
  void cosineWithPrecomputedNormsIsBitIdentical() {
    double[] a = {0.3, -1.7, 2.2};
    double[] b = {1.1, 0.4, -0.9};
    assertEquals(Math.sqrt(0.09 + 2.89 + 4.84), CosineSimilarity.norm(a), EPS);
    assertEquals(
        CosineSimilarity.of(a, b),
        CosineSimilarity.of(a, CosineSimilarity.norm(a), b, CosineSimilarity.norm(b)),
        0.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CosineSimilarity.norm(new double[] {0, 0}));
    assertEquals("v is a zero vector; cosine similarity is undefined", e.getMessage());
  }

  @Test
  void greedyWalkByHand() {
    // 0 accepted; 1 rejected (0.995 > 0.9 to #0); 2 accepted (0); 3 accepted (0.707 to #0, #2)
    // → budget 3 reached: [0, 2, 3]
    assertArrayEquals(
        new int[] {0, 2, 3},
        DeitaDiversityFilter.select(CANDIDATES, 3));
    // a larger budget also takes #4 (cosines −1, 0, −0.707)
    assertArrayEquals(new int[] {0, 2, 3, 4}, DeitaDiversityFilter.select(CANDIDATES, 0.9, 10));
    // τ = 0.7: #3 is now too close (0.707 > 0.7) → [0, 2, 4]
    assertArrayEquals(new int[] {0, 2, 4}, DeitaDiversityFilter.select(CANDIDATES, 0.7, 3));
    assertArrayEquals(new int[0], DeitaDiversityFilter.select(CANDIDATES, 0.9, 0));
  }

  @Test
  void similarityEqualToTheThresholdIsAccepted() {
    // cos = 0 ≤ τ = 0
    double[][] orthogonal = {{1, 0}, {0, 1}};
    assertArrayEquals(new int[] {0, 1}, DeitaDiversityFilter.select(orthogonal, 0.0, 2));
  }

  @Test
  void rejectsZeroVectorsAndMixedDimensions() {
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeitaDiversityFilter.select(new double[][] {{1, 0}, {0, 0}}, 0.9, 2));
    assertEquals(
        "embeddings[1] is a zero vector; cosine similarity is undefined", zero.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> DeitaDiversityFilter.select(new double[][] {{1, 0}, {1}}, 0.9, 2));
    assertThrows(
        IllegalArgumentException.class,
        () -> DeitaDiversityFilter.select(CANDIDATES, 0.9, -1));
  }
}
