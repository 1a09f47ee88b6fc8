package io.alignscope.lm.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.LoadOptions;
import io.alignscope.lm.model.Models;
import io.alignscope.lm.testing.TestCheckpoints;
import io.alignscope.lm.text.LmTokenizer;
import java.io.IOException;
import java.nio.file.Path;

/** A random tiny Llama and its tokenizer, plus full-logit helpers computed on the JVM. */
final class ModelFixture implements AutoCloseable {
  final CausalLm model;
  final LmTokenizer tokenizer;

  ModelFixture(Path dir, long seed) throws IOException {
    Checkpoint c = Checkpoint.open(TestCheckpoints.tinyLlama(dir, seed));
    model = Models.load(c, LoadOptions.cpu());
    tokenizer = LmTokenizer.of(c);
  }

  /** Full logits [T][V] of one unpadded sequence. */
  double[][] logits(long[] ids) {
    try (NDManager scope = model.manager().newSubManager()) {
      NDArray input = scope.create(ids, new Shape(1, ids.length));
      float[] flat = model.forward(input, input.onesLike(), null).toFloatArray();
      int v = model.config().vocabSize();
      double[][] out = new double[ids.length][v];
      for (int t = 0; t < ids.length; t++) {
        for (int j = 0; j < v; j++) {
          out[t][j] = flat[t * v + j];
        }
      }
      return out;
    }
  }

  static double[] logSoftmax(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : x) {
      sum += Math.exp(v - max);
    }
    double log = max + Math.log(sum);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] - log;
    }
    return out;
  }

  @Override
  public void close() {
    tokenizer.close();
    model.close();
  }
}
