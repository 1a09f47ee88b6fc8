package io.alignscope.lm.tiny;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.LoadOptions;
import io.alignscope.lm.model.Models;
import io.alignscope.lm.testing.TestCheckpoints;
import io.alignscope.lm.text.LmTokenizer;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training is reproducible only if the same batch on the same weights gives the same gradients
 * bit for bit. Two ways it did not: a constant that autograd saved lived in a Java buffer the JVM
 * freed before the backward pass, and the embedding backward added into the table with atomic adds
 * from several threads.
 */
class ReproducibleGradientsTest {
  @TempDir Path dir;

  @Test
  void gradientsDoNotChangeWhenFreedMemoryIsReusedBeforeTheBackwardPass() throws Exception {
    Checkpoint checkpoint = Checkpoint.open(TestCheckpoints.tinyLlama(dir.resolve("m"), 3));
    try (CausalLm model = Models.load(checkpoint, LoadOptions.cpu().withTraining());
        LmTokenizer tokenizer = LmTokenizer.of(checkpoint)) {
      long[] stream = tokenizer.encode("The quick brown fox jumps over the lazy dog. ".repeat(20));
      TrainingBatch batch = TrainingData.stream(stream).next(new SplittableRandom(5), 2, 24);
      float[] quiet = gradients(model, batch, false);
      float[] disturbed = gradients(model, batch, true);
      for (float g : quiet) {
        assertTrue(Float.isFinite(g));
      }
      assertTrue(norm(quiet) > 0, "the loss reaches the parameters");
      assertArrayEquals(quiet, disturbed, "same batch, same weights, same gradients");
    }
  }

  @Test
  void backwardPassesOverABatchLargeEnoughForParallelKernelsAgreeBitForBit() throws Exception {
    Checkpoint checkpoint = Checkpoint.open(TestCheckpoints.tinyLlama(dir.resolve("m"), 4));
    try (CausalLm model = Models.load(checkpoint, LoadOptions.cpu().withTraining());
        LmTokenizer tokenizer = LmTokenizer.of(checkpoint)) {
      long[] stream = tokenizer.encode("The quick brown fox jumps over the lazy dog. ".repeat(200));
      // 16 x 192 token rows of width 32: above libtorch's grain size, so scatter-style backward
      // kernels run on several threads (index_put's accumulating one adds atomically, in any order).
      TrainingBatch batch = TrainingData.stream(stream).next(new SplittableRandom(6), 16, 192);
      float[] first = gradients(model, batch, false);
      for (int i = 0; i < 6; i++) {
        assertArrayEquals(first, gradients(model, batch, false), "pass " + (i + 2));
      }
    }
  }

  private static float[] gradients(CausalLm model, TrainingBatch batch, boolean collectGarbage) throws Exception {
    List<ByteBuffer> filler = List.of();
    try (NDManager scope = model.manager().newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray loss = TinyLmTrainer.loss(model, batch, scope);
      if (collectGarbage) {
        filler = reuseFreedNativeMemory();
      }
      collector.backward(loss);
    }
    JniUtils.setGradMode(false);
    List<float[]> parts = new ArrayList<>();
    int total = 0;
    for (NDArray p : model.parameters().values()) {
      try (NDArray g = p.getGradient()) {
        parts.add(g.toFloatArray());
        total += parts.get(parts.size() - 1).length;
        g.muli(0);
      }
    }
    Reference.reachabilityFence(filler);
    float[] all = new float[total];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /** Lets the cleaner free unreachable direct buffers, then takes small native blocks back full of 1e30. */
  private static List<ByteBuffer> reuseFreedNativeMemory() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    List<ByteBuffer> filler = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ByteBuffer b = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
      b.putFloat(0, 1e30f).putFloat(4, 1e30f);
      filler.add(b);
    }
    return filler;
  }

  private static double norm(float[] values) {
    double s = 0;
    for (float v : values) {
      s += (double) v * v;
    }
    return Math.sqrt(s);
  }
}
