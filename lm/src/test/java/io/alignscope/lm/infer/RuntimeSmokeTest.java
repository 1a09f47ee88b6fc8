package io.alignscope.lm.infer;

import static org.junit.jupiter.api.Assertions.*;

import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.LoadOptions;
import io.alignscope.lm.model.Models;
import io.alignscope.lm.testing.TestCheckpoints;
import io.alignscope.lm.text.ChatTemplateFormat;
import io.alignscope.lm.text.LmTokenizer;
import io.alignscope.lm.text.Message;
import io.alignscope.lm.text.WrapperFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeSmokeTest {
  @TempDir Path dir;

  @Test
  void runsEndToEnd() throws Exception {
    Checkpoint ckpt = Checkpoint.open(TestCheckpoints.tinyLlama(dir.resolve("m"), 7));
    try (CausalLm model = Models.load(ckpt, LoadOptions.cpu()); LmTokenizer tok = LmTokenizer.of(ckpt)) {
      long[] chat = ChatTemplateFormat.fromTokenizer(tok, "").promptIds(List.of(Message.user("Hello there")));
      long[] base = WrapperFormat.urial(tok).promptIds(List.of(Message.user("Hello there")));
      System.out.println("chat " + Arrays.toString(chat) + " -> " + tok.decode(chat, false));
      System.out.println("base " + Arrays.toString(base) + " -> " + tok.decode(base, false));
      long[] answer = tok.encode("Sure! Here is the answer.");
      List<TokenScores> s = TeacherForcedScorer.defaults().score(model, List.of(chat, base), List.of(answer, answer));
      System.out.println(Arrays.toString(s.get(0).logProb()) + " " + Arrays.toString(s.get(0).rank()));
      List<List<Generation>> g = new Generator(model, tok).generate(List.of(chat, base), List.of("a", "b"),
          DecodingOptions.sampling(3, 10, 42));
      System.out.println(Arrays.toString(g.get(0).get(0).tokens()) + " " + Arrays.toString(g.get(0).get(0).entropy()));
      assertEquals(3, g.get(0).size());
    }
  }
}
