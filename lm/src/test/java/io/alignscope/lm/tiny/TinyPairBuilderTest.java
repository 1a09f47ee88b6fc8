package io.alignscope.lm.tiny;

import static org.junit.jupiter.api.Assertions.*;

import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.checkpoint.TensorDType;
import io.alignscope.lm.text.LmTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder makes a loadable, comparable pair, and the same plan makes the same bytes. */
class TinyPairBuilderTest {
  @TempDir Path dir;

  @Test
  void quickPlanBuildsADeterministicComparablePair() throws Exception {
    TinyPairBuilder.Result first = TinyPairBuilder.build(TinyPairBuilder.Plan.quick(), dir.resolve("a"));
    TinyPairBuilder.Result second = TinyPairBuilder.build(TinyPairBuilder.Plan.quick(), dir.resolve("b"));
    assertTrue(first.baseLosses().get(first.baseLosses().size() - 1) < first.baseLosses().get(0));
    assertEquals(Files.readString(first.base().resolve("files.txt")), Files.readString(second.base().resolve("files.txt")),
        "same plan, same bytes");
    assertEquals(Files.readString(first.aligned().resolve("files.txt")),
        Files.readString(second.aligned().resolve("files.txt")));
    Checkpoint base = Checkpoint.open(first.base());
    Checkpoint aligned = Checkpoint.open(first.aligned());
    assertEquals(TensorDType.BF16, base.storedDType());
    try (LmTokenizer b = LmTokenizer.of(base); LmTokenizer a = LmTokenizer.of(aligned)) {
      assertTrue(b.vocabularyDifference(a).isEmpty(), "the pair shares one vocabulary");
      assertTrue(a.chatTemplate().isPresent());
      assertFalse(b.chatTemplate().isPresent());
      assertEquals(java.util.List.of(a.idOf("<|end|>"), 1), a.eosIds(), "tokenizer_config first, then config.json");
    }
  }

  @Test
  void embeddedModelsExtractVerifiedAndReuseTheirCopy() throws Exception {
    Path one = EmbeddedModels.materialize("embedded:tiny-aligned", dir);
    Path two = EmbeddedModels.materialize("embedded:tiny-aligned", dir);
    assertEquals(one, two);
    assertEquals(Files.readString(one.resolve("files.txt")).lines().count(), Files.list(one).count() - 1);
    Checkpoint aligned = Checkpoint.open(one);
    assertEquals("llama", aligned.config().architecture().modelType());
    var e = assertThrows(RuntimeException.class, () -> EmbeddedModels.materialize("embedded:tiny-chat", dir));
    assertTrue(e.getMessage().contains("no embedded model 'tiny-chat'"), e.getMessage());
  }
}
