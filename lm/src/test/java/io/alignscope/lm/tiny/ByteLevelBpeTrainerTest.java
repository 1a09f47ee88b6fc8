package io.alignscope.lm.tiny;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteLevelBpeTrainerTest {
  @TempDir Path dir;

  @Test
  void firstMergesAreTheMostFrequentPairsByHand() {
    // Words: "aaa" x1 -> pairs (a,a) x2; " ab" x3 -> (Ġ,a) x3, (a,b) x3. Ties broken by spelling:
    // "a b" < "Ġ a", so the first merge is a+b, then Ġ+ab (3 each), then a+a (2).
    BpeVocabulary v = ByteLevelBpeTrainer.train(List.of("aaa ab ab ab"), 1 + 256 + 3, List.of("<s>"));
    assertEquals("a b", String.join(" ", v.merges().get(0)));
    assertEquals("\u0120 ab", String.join(" ", v.merges().get(1)));
    assertEquals("a a", String.join(" ", v.merges().get(2)));
    assertEquals(0, v.id("<s>"));
    assertEquals(1 + 256, v.id("ab"));
  }

  @Test
  void tokensAreUniqueAndHuggingFaceLoadsTheResult() throws Exception {
    String text = "abc abc abcd bcd ab bc cd abcd abcd the theme them then there these";
    BpeVocabulary v = ByteLevelBpeTrainer.train(List.of(text, text), 300, List.of("<s>", "</s>"));
    assertEquals(v.tokens().size(), new HashSet<>(v.tokens()).size(), "duplicate spellings");
    Path file = dir.resolve("tokenizer.json");
    v.writeTokenizerJson(file);
    try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder().optTokenizerPath(file)
        .optAddSpecialTokens(false).build()) {
      long[] ids = hf.encode("the theme abcd").getIds();
      assertEquals("the theme abcd", hf.decode(ids));
      // Whole frequent words become single tokens.
      assertEquals(v.id("\u0120theme"), ids[1]);
      assertEquals(3, ids.length);
    }
  }

  @Test
  void rejectsAVocabularyTooSmallForTheBytes() {
    assertThrows(IllegalArgumentException.class, () -> ByteLevelBpeTrainer.train(List.of("x"), 100, List.of()));
  }
}
