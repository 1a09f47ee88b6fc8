package io.alignscope.lm.model;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.checkpoint.FloatTensor;
import io.alignscope.lm.reference.RandomCheckpoint;
import io.alignscope.lm.reference.ReferenceCausalLm;
import io.alignscope.lm.reference.TinyConfigs;
import io.alignscope.lm.testing.TestCheckpoints;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DJL decoders against the independent fp64 reference, on the same random weights: every
 * supported architecture, RoPE scaling, GQA, sliding windows and tied embeddings.
 */
class ReferenceAgreementTest {
  private static final double TOLERANCE = 1e-4;
  private static final int[] TOKENS = {1, 5, 17, 96, 3, 44, 44, 0, 12, 80, 61, 7, 2, 33, 90, 19, 25, 8, 70, 71, 4, 55, 66, 9};
  @TempDir static Path dir;
  static Path tokenizer;

  @BeforeAll
  static void writeTokenizer() throws Exception {
    tokenizer = dir.resolve("tokenizer.json");
    TestCheckpoints.tokenizer(tokenizer, 300);
  }

  static Stream<Arguments> architectures() {
    return Stream.of(
        Arguments.of("llama-gqa", TinyConfigs.tinyLlama(), false),
        Arguments.of("llama3-rope-scaling", TinyConfigs.tinyLlamaLlama3Rope(), false),
        Arguments.of("linear-rope-scaling", TinyConfigs.tinyLlamaLinearRope(), false),
        Arguments.of("explicit-head-dim", TinyConfigs.tinyLlamaExplicitHeadDim(), false),
        Arguments.of("mistral-sliding-window", TinyConfigs.tinyMistral(), false),
        Arguments.of("qwen2-bias-tied", TinyConfigs.tinyQwen2(), false),
        Arguments.of("gpt2", TinyConfigs.tinyGpt2(), false),
        Arguments.of("gpt2-transformer-prefix", TinyConfigs.tinyGpt2(), true));
  }

  private static Checkpoint write(String name, ObjectNode config, RandomCheckpoint random) throws Exception {
    Map<String, FloatTensor> weights = new LinkedHashMap<>();
    Map<String, long[]> shapes = random.shapes();
    random.weights().forEach((k, v) -> weights.put(k, new FloatTensor(shapes.get(k), v)));
    Path folder = dir.resolve(name);
    TestCheckpoints.write(folder, config, weights, tokenizer, TestCheckpoints.tokenizerConfig("</s>", null));
    return Checkpoint.open(folder);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("architectures")
  void logitsAndHiddenStatesAgreeWithTheReference(String name, ObjectNode config, boolean prefix) throws Exception {
    RandomCheckpoint random = RandomCheckpoint.of(config, 2024, prefix);
    ReferenceCausalLm reference = random.reference();
    try (CausalLm model = Models.load(write(name, config, random), LoadOptions.cpu());
        NDManager scope = model.manager().newSubManager()) {
      long[] ids = java.util.Arrays.stream(TOKENS).asLongStream().toArray();
      NDArray input = scope.create(ids, new Shape(1, ids.length));
      NDArray hidden = model.hidden(input, input.onesLike(), null);
      assertClose(reference.lastHidden(TOKENS), hidden.toFloatArray(), name + " hidden");
      assertClose(reference.logits(TOKENS), model.logits(hidden).toFloatArray(), name + " logits");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("architectures")
  void incrementalDecodingWithTheCacheAgreesWithTheReference(String name, ObjectNode config, boolean prefix)
      throws Exception {
    RandomCheckpoint random = RandomCheckpoint.of(config, 7, prefix);
    double[][] expected = random.reference().logits(TOKENS);
    try (CausalLm model = Models.load(write(name + "-cache", config, random), LoadOptions.cpu());
        NDManager scope = model.manager().newSubManager()) {
      KvCache cache = model.newCache(scope);
      // A 5-token prefill, then one token at a time.
      int prefill = 5;
      long[] first = java.util.Arrays.stream(TOKENS, 0, prefill).asLongStream().toArray();
      NDArray in = scope.create(first, new Shape(1, prefill));
      float[] logits = model.forward(in, in.onesLike(), cache).toFloatArray();
      assertClose(java.util.Arrays.copyOfRange(expected, 0, prefill), logits, name + " prefill");
      for (int t = prefill; t < TOKENS.length; t++) {
        NDArray one = scope.create(new long[] {TOKENS[t]}, new Shape(1, 1));
        float[] step = model.forward(one, one.onesLike(), cache).toFloatArray();
        assertClose(new double[][] {expected[t]}, step, name + " step " + t);
      }
      assertEquals(TOKENS.length, cache.length());
    }
  }

  private static void assertClose(double[][] expected, float[] actual, String what) {
    int width = expected[0].length;
    assertEquals(expected.length * width, actual.length, what + " size");
    double worst = 0;
    for (int t = 0; t < expected.length; t++) {
      for (int j = 0; j < width; j++) {
        worst = Math.max(worst, Math.abs(expected[t][j] - actual[t * width + j]));
      }
    }
    assertTrue(worst <= TOLERANCE, what + ": max abs diff " + worst);
  }
}
