package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shingles, quality heuristics and the seeded order. */
class TextHeuristicsTest {

  @Test
  void wordsAndShingles() {
    assertEquals(List.of("the", "cat", "sat", "on", "the", "mat", "2024"), Shingles.words("The cat sat, on the MAT! (2024)"));
    assertEquals(List.of("the cat sat", "cat sat on", "sat on the", "on the mat"), Shingles.of("The cat sat on the mat."));
    // repeated 3-grams appear once
    assertEquals(List.of("a b a", "b a b"), Shingles.of("a b a b a b"));
    assertEquals(List.of("hello world"), Shingles.of("Hello, world"));
    assertEquals(List.of(), Shingles.of("!!! ... ???"));
    assertEquals(List.of("é ü ß"), Shingles.of("É ü ß"));
  }

  /**
   * Answer "go go go go go": 5 words, 3-grams "go go go" ×3 → 1 distinct → repeated 1 − 1/3 =
   * 2/3. Non-space characters 10, all letters → symbol ratio 0. Answer "a+b = c;" → 8 code points,
   * 6 non-space: a, +, b, =, c, ; → 3 symbols → 0.5.
   */
  @Test
  void qualityByHand() {
    TextQuality q = TextQuality.of("Say go five times", "go go go go go");
    assertEquals(4, q.promptWords());
    assertEquals(5, q.answerWords());
    assertEquals(14, q.answerChars());
    assertEquals(2.0 / 3.0, q.repeatedNgramRatio(), 1e-12);
    assertEquals(0.0, q.symbolRatio(), 0.0);
    TextQuality s = TextQuality.of("sum", "a+b = c;");
    assertEquals(0.5, s.symbolRatio(), 1e-12);
    assertEquals(0.0, s.repeatedNgramRatio(), 0.0);
    TextQuality empty = TextQuality.of("p", null);
    assertEquals(0, empty.answerChars());
    assertEquals(0.0, empty.symbolRatio(), 0.0);
  }

  @Test
  void seededOrderIsStableAndSeedDependent() {
    assertEquals(SeededOrder.key(7, "ae-0001"), SeededOrder.key(7, "ae-0001"));
    assertNotEquals(SeededOrder.key(7, "ae-0001"), SeededOrder.key(8, "ae-0001"));
    assertNotEquals(SeededOrder.key(7, "ae-0001"), SeededOrder.key(7, "ae-0002"));
    // pinned (computed independently in Python) so that a change of the hash, and of every random subset, is noticed
    assertEquals(-609349469639496731L, SeededOrder.key(7, "ae-0001"));
  }

  @Test
  void exampleText() {
    assertEquals("Q\nA", TextScores.exampleText("Q", "A"));
    assertEquals("Q", TextScores.exampleText("Q", null));
  }
}
