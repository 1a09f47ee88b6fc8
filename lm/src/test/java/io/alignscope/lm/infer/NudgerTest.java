package io.alignscope.lm.infer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NudgerTest {
  @TempDir static Path dir;
  static ModelFixture base;
  static ModelFixture aligned;
  static final List<long[]> BASE_PROMPTS = List.of(new long[] {0, 17, 33, 90}, new long[] {0, 5});
  static final List<long[]> ALIGNED_PROMPTS = List.of(new long[] {0, 3, 17, 33, 90, 4}, new long[] {0, 3, 5, 4, 7});
  static final List<String> KEYS = List.of("a", "b");

  @BeforeAll
  static void load() throws Exception {
    base = new ModelFixture(dir.resolve("base"), 31);
    aligned = new ModelFixture(dir.resolve("aligned"), 32);
  }

  @AfterAll
  static void close() {
    base.close();
    aligned.close();
  }

  private static List<List<NudgedGeneration>> nudge(double gamma, DecodingOptions decoding) {
    return new Nudger(base.model, aligned.model, base.tokenizer, Set.of(1L), new NudgingOptions(gamma, 4))
        .generate(BASE_PROMPTS, ALIGNED_PROMPTS, KEYS, decoding);
  }

  @Test
  void aSureBaseModelIsNeverNudged() {
    DecodingOptions greedy = DecodingOptions.greedy(12, List.of());
    List<List<NudgedGeneration>> nudged = nudge(1e-9, greedy);
    List<List<Generation>> plain = new Generator(base.model, base.tokenizer).generate(BASE_PROMPTS, KEYS, greedy);
    for (int i = 0; i < KEYS.size(); i++) {
      assertArrayEquals(plain.get(i).get(0).tokens(), nudged.get(i).get(0).generation().tokens());
      assertEquals(0.0, nudged.get(i).get(0).nudgedFraction());
    }
  }

  @Test
  void anAlwaysUnsureBaseHandsEveryTokenToTheAlignedModel() {
    DecodingOptions greedy = DecodingOptions.greedy(12, List.of());
    List<List<NudgedGeneration>> nudged = nudge(0.999999, greedy);
    List<List<Generation>> plain = new Generator(aligned.model, aligned.tokenizer)
        .generate(ALIGNED_PROMPTS, KEYS, greedy);
    for (int i = 0; i < KEYS.size(); i++) {
      NudgedGeneration n = nudged.get(i).get(0);
      assertArrayEquals(plain.get(i).get(0).tokens(), n.generation().tokens());
      assertEquals(1.0, n.nudgedFraction());
      assertArrayEquals(plain.get(i).get(0).entropy(), n.generation().entropy(), 1e-4f);
    }
  }

  @Test
  void sampledNudgingIsSeededAndRecordsTheSourceOfEveryToken() {
    DecodingOptions sampling = DecodingOptions.sampling(3, 16, 5);
    List<List<NudgedGeneration>> first = nudge(0.05, sampling);
    List<List<NudgedGeneration>> second = nudge(0.05, sampling);
    for (int s = 0; s < 3; s++) {
      assertArrayEquals(first.get(0).get(s).generation().tokens(), second.get(0).get(s).generation().tokens());
      assertArrayEquals(first.get(0).get(s).fromAligned(), second.get(0).get(s).fromAligned());
      assertEquals(first.get(0).get(s).generation().length(), first.get(0).get(s).fromAligned().length);
    }
  }
}
