package io.alignscope.lm.tiny;

import static org.junit.jupiter.api.Assertions.*;

import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.LoadOptions;
import io.alignscope.lm.model.Models;
import io.alignscope.lm.testing.TestCheckpoints;
import io.alignscope.lm.text.LmTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerSmokeTest {
  @TempDir Path dir;

  @Test
  void lossDecreases() throws Exception {
    Checkpoint ckpt = Checkpoint.open(TestCheckpoints.tinyLlama(dir.resolve("m"), 7));
    try (CausalLm model = Models.load(ckpt, LoadOptions.cpu().withTraining()); LmTokenizer tok = LmTokenizer.of(ckpt)) {
      long[] stream = tok.encode("The quick brown fox jumps over the lazy dog. ".repeat(40));
      long t0 = System.nanoTime();
      List<Double> losses = TinyLmTrainer.train(model, TrainingData.stream(stream),
          new TinyLmTrainer.Schedule(60, 8, 32, 3e-3, 10, 0.01, 1), s -> {});
      System.out.println("60 steps " + (System.nanoTime() - t0) / 1e6 + " ms; first " + losses.get(0) + " last " + losses.get(59));
      assertTrue(losses.get(59) < losses.get(0) / 2);
    }
  }
}
