package io.alignscope.lm.infer;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextTokenChooserTest {
  private static final double[] P = {0.5, 0.3, 0.15, 0.05};

  private static float[] choose(double[] probs, float u, DecodingOptions options) {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] logits = new float[probs.length];
      for (int i = 0; i < probs.length; i++) {
        logits[i] = (float) Math.log(probs[i]);
      }
      NDArray array = m.create(logits, new Shape(1, probs.length));
      return NextTokenChooser.choose(array, new float[] {u}, options);
    }
  }

  private static double entropy(double... p) {
    double h = 0;
    for (double v : p) {
      h -= v * Math.log(v);
    }
    return h;
  }

  @Test
  void samplesFromTheRenormalisedNucleus() {
    // top-p 0.9 keeps {0.5, 0.3, 0.15} (mass 0.95; the token crossing 0.9 is kept).
    // q = [0.5263, 0.3158, 0.1579]; cumulative [0.526, 0.842, 1.0]; u = 0.6 -> the 2nd token.
    float[] out = choose(P, 0.6f, DecodingOptions.sampling(1, 10, 0));
    assertEquals(1, out[NextTokenChooser.TOKEN]);
    assertEquals(-Math.log(0.3 / 0.95), out[NextTokenChooser.NLL], 1e-5);
    assertEquals(entropy(0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95), out[NextTokenChooser.ENTROPY], 1e-5);
    assertEquals(out[NextTokenChooser.ENTROPY], out[NextTokenChooser.PAPER_ENTROPY], 1e-6);
    assertEquals(entropy(P), out[NextTokenChooser.MODEL_ENTROPY], 1e-5);
    assertEquals(0.5, out[NextTokenChooser.TOP_PROB], 1e-6);
    // u just below 1 must still land inside the nucleus, never on the excluded 0.05 token.
    assertEquals(2, choose(P, 0.99999f, DecodingOptions.sampling(1, 10, 0))[NextTokenChooser.TOKEN]);
    assertEquals(0, choose(P, 0.0f, DecodingOptions.sampling(1, 10, 0))[NextTokenChooser.TOKEN]);
  }

  @Test
  void temperatureSharpensBeforeTheNucleus() {
    // T = 0.5 squares the probabilities: [0.25, 0.09, 0.0225, 0.0025] / 0.365.
    double z = 0.25 + 0.09 + 0.0225 + 0.0025;
    double[] q = {0.25 / z, 0.09 / z, 0.0225 / z, 0.0025 / z};
    DecodingOptions options = new DecodingOptions(false, 0.5, 0.9, 10, 1, 0, 50, List.of());
    float[] out = choose(P, 0.5f, options);
    // Nucleus: 0.685 < 0.9, then 0.932 >= 0.9 -> keep two, renormalised.
    double kept = q[0] + q[1];
    assertEquals(entropy(q[0] / kept, q[1] / kept), out[NextTokenChooser.ENTROPY], 1e-5);
    assertEquals(entropy(q), out[NextTokenChooser.MODEL_ENTROPY], 1e-5);
    assertEquals(0.5, out[NextTokenChooser.TOP_PROB], 1e-6);
    assertEquals(0, out[NextTokenChooser.TOKEN]);
  }

  @Test
  void paperEntropyTruncatesToTopKFirst() {
    // K = 2: top-2 renormalised [0.625, 0.375]; top-p 0.9 keeps both.
    DecodingOptions options = new DecodingOptions(false, 1.0, 0.9, 10, 1, 0, 2, List.of());
    float[] out = choose(P, 0.1f, options);
    assertEquals(entropy(0.625, 0.375), out[NextTokenChooser.PAPER_ENTROPY], 1e-5);
  }

  @Test
  void greedyPicksTheArgmaxAndReportsTheModelEntropy() {
    float[] out = choose(new double[] {0.2, 0.7, 0.1}, 0.9f, DecodingOptions.greedy(5, List.of()));
    assertEquals(1, out[NextTokenChooser.TOKEN]);
    assertEquals(-Math.log(0.7), out[NextTokenChooser.NLL], 1e-5);
    assertEquals(entropy(0.2, 0.7, 0.1), out[NextTokenChooser.ENTROPY], 1e-5);
  }

  @Test
  void drawsArePureFunctionsOfTheirCoordinates() {
    long key = Uniforms.keyHash("ae-0001");
    assertEquals(Uniforms.draw(42, key, 3, 7), Uniforms.draw(42, key, 3, 7));
    assertNotEquals(Uniforms.draw(42, key, 3, 7), Uniforms.draw(42, key, 4, 7));
    assertNotEquals(Uniforms.draw(42, key, 3, 7), Uniforms.draw(43, key, 3, 7));
    double mean = 0;
    for (int s = 0; s < 10000; s++) {
      float u = Uniforms.draw(1, key, s, 0);
      assertTrue(u >= 0 && u < 1);
      mean += u / 10000;
    }
    assertEquals(0.5, mean, 0.02);
  }
}
