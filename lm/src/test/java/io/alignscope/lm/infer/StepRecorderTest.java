package io.alignscope.lm.infer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRecorderTest {
  @TempDir static Path dir;
  static ModelFixture m;

  @BeforeAll
  static void load() throws Exception {
    m = new ModelFixture(dir.resolve("m"), 1);
  }

  @AfterAll
  static void close() {
    m.close();
  }

  private static float[] step(long token, float entropy) {
    float[] f = new float[NextTokenChooser.FIELDS];
    f[NextTokenChooser.TOKEN] = token;
    f[NextTokenChooser.ENTROPY] = entropy;
    return f;
  }

  @Test
  void stopsAtEosAndKeepsIt() {
    StepRecorder r = new StepRecorder(10);
    assertFalse(r.record(step(5, 1f), 0, Set.of(1L), List.of(), m.tokenizer));
    assertTrue(r.record(step(1, 2f), 0, Set.of(1L), List.of(), m.tokenizer));
    Generation g = r.result();
    assertArrayEquals(new long[] {5, 1}, g.tokens());
    assertArrayEquals(new float[] {1f, 2f}, g.entropy());
    assertEquals(Generation.StopReason.EOS, g.stop());
  }

  @Test
  void stopsOnAStopStringAcrossTokens() {
    long[] ids = m.tokenizer.encode("abc```");
    StepRecorder r = new StepRecorder(50);
    boolean done = false;
    for (int i = 0; i < ids.length && !done; i++) {
      done = r.record(step(ids[i], 0f), 0, Set.of(), List.of("```"), m.tokenizer);
      assertEquals(i == ids.length - 1, done, "token " + i);
    }
    assertEquals(Generation.StopReason.STOP_STRING, r.result().stop());
  }

  @Test
  void stopsAtTheBudget() {
    StepRecorder r = new StepRecorder(2);
    assertFalse(r.record(step(5, 0f), 0, Set.of(), List.of(), m.tokenizer));
    assertTrue(r.record(step(6, 0f), 0, Set.of(), List.of(), m.tokenizer));
    assertEquals(Generation.StopReason.LENGTH, r.result().stop());
  }
}
