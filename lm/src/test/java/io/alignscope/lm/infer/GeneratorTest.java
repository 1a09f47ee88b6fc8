package io.alignscope.lm.infer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
  @TempDir static Path dir;
  static ModelFixture m;
  static final List<long[]> PROMPTS = List.of(new long[] {0, 17, 33, 90}, new long[] {0, 5}, new long[] {0, 9, 81, 120, 4, 44, 3});
  static final List<String> KEYS = List.of("p1", "p2", "p3");

  @BeforeAll
  static void load() throws Exception {
    m = new ModelFixture(dir.resolve("m"), 21);
  }

  @AfterAll
  static void close() {
    m.close();
  }

  @Test
  void greedyWithKvCacheEqualsGreedyWithoutItTokenForToken() {
    DecodingOptions greedy = DecodingOptions.greedy(24, List.of());
    List<List<Generation>> cached = new Generator(m.model, m.tokenizer, true).generate(PROMPTS, KEYS, greedy);
    List<List<Generation>> full = new Generator(m.model, m.tokenizer, false).generate(PROMPTS, KEYS, greedy);
    for (int i = 0; i < PROMPTS.size(); i++) {
      Generation c = cached.get(i).get(0);
      Generation f = full.get(i).get(0);
      assertArrayEquals(f.tokens(), c.tokens(), "prompt " + i);
      assertArrayEquals(f.entropy(), c.entropy(), 1e-4f);
      assertArrayEquals(f.nll(), c.nll(), 1e-4f);
    }
  }

  @Test
  void greedyContinuationsEqualTeacherForcedArgmax() {
    Generation g = new Generator(m.model, m.tokenizer).generate(List.of(PROMPTS.get(0)), List.of("x"),
        DecodingOptions.greedy(12, List.of())).get(0).get(0);
    TokenScores s = TeacherForcedScorer.defaults().score(m.model, List.of(PROMPTS.get(0)), List.of(g.tokens())).get(0);
    for (int t = 0; t < g.length(); t++) {
      assertEquals(1, s.rank()[t], "step " + t);
      assertEquals(g.nll()[t], -s.logProb()[t], 1e-4);
      assertEquals(g.entropy()[t], s.entropy()[t], 1e-4);
    }
  }

  @Test
  void samplesDependOnSeedAndKeyButNotOnBatchComposition() {
    DecodingOptions sampling = DecodingOptions.sampling(4, 16, 42);
    Generator generator = new Generator(m.model, m.tokenizer);
    List<List<Generation>> batch = generator.generate(PROMPTS, KEYS, sampling);
    List<Generation> alone = generator.generate(List.of(PROMPTS.get(1)), List.of(KEYS.get(1)), sampling).get(0);
    for (int s = 0; s < 4; s++) {
      assertArrayEquals(alone.get(s).tokens(), batch.get(1).get(s).tokens(), "sample " + s);
    }
    List<Generation> again = generator.generate(List.of(PROMPTS.get(1)), List.of(KEYS.get(1)), sampling).get(0);
    assertArrayEquals(alone.get(2).tokens(), again.get(2).tokens());
    assertFalse(java.util.Arrays.equals(alone.get(0).tokens(), alone.get(1).tokens()), "samples should differ");
    List<Generation> otherSeed = generator.generate(List.of(PROMPTS.get(1)), List.of(KEYS.get(1)),
        DecodingOptions.sampling(4, 16, 43)).get(0);
    assertFalse(java.util.Arrays.equals(alone.get(0).tokens(), otherSeed.get(0).tokens()));
    for (Generation g : alone) {
      assertEquals(16, g.length());
      assertEquals(Generation.StopReason.LENGTH, g.stop());
      for (int t = 0; t < g.length(); t++) {
        assertTrue(g.entropy()[t] <= g.modelEntropy()[t] + 1e-4, "the nucleus cannot have more entropy");
        assertTrue(g.nll()[t] >= 0);
      }
    }
  }
}
