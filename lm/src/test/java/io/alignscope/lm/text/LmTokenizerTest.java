package io.alignscope.lm.text;

import static org.junit.jupiter.api.Assertions.*;

import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.testing.TestCheckpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmTokenizerTest {
  @TempDir static Path dir;
  static Checkpoint checkpoint;

  @BeforeAll
  static void setUp() throws Exception {
    checkpoint = Checkpoint.open(TestCheckpoints.tinyLlama(dir.resolve("m"), 1));
  }

  @Test
  void longTextsAreNeverTruncated() {
    try (LmTokenizer tok = LmTokenizer.of(checkpoint)) {
      String text = "the quick brown fox jumps over the lazy dog ".repeat(300);
      long[] ids = tok.encode(text);
      assertTrue(ids.length > 2000, "got " + ids.length);
      assertEquals(text, tok.decode(ids, false));
    }
  }

  @Test
  void bosIsAddedOnceAndNeverDoubled() {
    try (LmTokenizer tok = LmTokenizer.of(checkpoint)) {
      assertEquals(0, tok.bosId());
      assertTrue(tok.addsBos());
      long[] plain = tok.encodePrompt("Hello");
      assertEquals(0, plain[0]);
      assertNotEquals(0, plain[1]);
      // The chat template writes BOS itself; encodePrompt must not add another.
      long[] chat = ChatTemplateFormat.fromTokenizer(tok, "").promptIds(List.of(Message.user("Hello")));
      assertEquals(0, chat[0]);
      assertNotEquals(0, chat[1]);
      assertEquals(tok.idOf("<|user|>"), chat[1]);
      assertEquals("<s><|user|>\nHello<|end|>\n<|assistant|>\n", tok.decode(chat, false));
    }
  }

  @Test
  void specialTokensAndWordStarts() {
    try (LmTokenizer tok = LmTokenizer.of(checkpoint)) {
      assertEquals(List.of(1), tok.eosIds());
      assertEquals(6, tok.specialIds().size());
      long[] ids = tok.encode("hello world");
      assertFalse(tok.startsWord((int) ids[0]), tok.tokenText((int) ids[0]));
      int last = (int) ids[ids.length - 1];
      assertTrue(tok.tokenText(last).startsWith("\u0120") == tok.startsWord(last));
      assertTrue(tok.startsWord(tok.idOf("<|end|>")));
    }
  }

  @Test
  void differentVocabulariesAreExplained() throws Exception {
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    TestCheckpoints.tokenizer(other.resolve("tokenizer.json"), 300);
    Path m2 = dir.resolve("m2");
    Files.createDirectories(m2);
    for (String f : new String[] {"config.json", "tokenizer_config.json", "model.safetensors"}) {
      Files.copy(checkpoint.dir().resolve(f), m2.resolve(f));
    }
    Files.copy(other.resolve("tokenizer.json"), m2.resolve("tokenizer.json"));
    try (LmTokenizer a = LmTokenizer.of(checkpoint); LmTokenizer b = LmTokenizer.of(Checkpoint.open(m2));
        LmTokenizer a2 = LmTokenizer.of(checkpoint)) {
      assertEquals(300, b.vocabSize());
      assertEquals("vocabulary sizes differ: " + a.vocabSize() + " vs 300", a.vocabularyDifference(b).orElseThrow());
      assertTrue(a.vocabularyDifference(a2).isEmpty());
    }
  }

  @Test
  void urialWrapperRendersHistoryAndRejectsTemplatesWithoutSlot() {
    try (LmTokenizer tok = LmTokenizer.of(checkpoint)) {
      WrapperFormat urial = WrapperFormat.urial(tok);
      assertEquals("# Query:\n```Hi```\n\n# Answer:\n```Hello```\n\n# Query:\n```Bye```\n\n# Answer:\n```",
          urial.render(List.of(Message.system("ignored"), Message.user("Hi"), Message.assistant("Hello"),
              Message.user("Bye"))));
      assertThrows(TemplateException.class, () -> new WrapperFormat(tok, "no slot", ""));
    }
  }
}
