package io.alignscope.lm.tiny;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.lm.checkpoint.FloatTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The shape of a tiny Llama-architecture model and its initial weights.
 *
 * @param vocabSize ids in the tokenizer
 * @param hidden model width
 * @param layers decoder blocks
 * @param heads query heads
 * @param kvHeads key/value heads (fewer than heads: grouped-query attention)
 * @param intermediate SwiGLU width
 * @param maxPositions {@code max_position_embeddings}
 * @param bosId BOS id
 * @param eosId EOS id
 */
public record TinyModelSpec(int vocabSize, int hidden, int layers, int heads, int kvHeads, int intermediate,
    int maxPositions, int bosId, int eosId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** config.json of a LlamaForCausalLM with these dimensions. */
  public ObjectNode configJson() {
    ObjectNode c = JSON.createObjectNode();
    c.putArray("architectures").add("LlamaForCausalLM");
    c.put("model_type", "llama");
    c.put("vocab_size", vocabSize);
    c.put("hidden_size", hidden);
    c.put("num_hidden_layers", layers);
    c.put("num_attention_heads", heads);
    c.put("num_key_value_heads", kvHeads);
    c.put("intermediate_size", intermediate);
    c.put("max_position_embeddings", maxPositions);
    c.put("rms_norm_eps", 1e-5);
    c.put("rope_theta", 10000.0);
    c.put("hidden_act", "silu");
    c.put("tie_word_embeddings", false);
    c.put("attention_bias", false);
    c.put("bos_token_id", bosId);
    c.put("eos_token_id", eosId);
    c.put("torch_dtype", "float32");
    return c;
  }

  /**
   * Random initial weights: normal(0, 0.02) projections and embeddings, residual outputs scaled
   * down by depth (as GPT-2 does), norms at 1.
   */
  public Map<String, FloatTensor> initialWeights(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int headDim = hidden / heads;
    double residualStd = 0.02 / Math.sqrt(2.0 * layers);
    Map<String, FloatTensor> w = new LinkedHashMap<>();
    w.put("model.embed_tokens.weight", normal(random, 0.02, vocabSize, hidden));
    for (int i = 0; i < layers; i++) {
      String p = "model.layers." + i + ".";
      w.put(p + "input_layernorm.weight", ones(hidden));
      w.put(p + "self_attn.q_proj.weight", normal(random, 0.02, heads * headDim, hidden));
      w.put(p + "self_attn.k_proj.weight", normal(random, 0.02, kvHeads * headDim, hidden));
      w.put(p + "self_attn.v_proj.weight", normal(random, 0.02, kvHeads * headDim, hidden));
      w.put(p + "self_attn.o_proj.weight", normal(random, residualStd, hidden, heads * headDim));
      w.put(p + "post_attention_layernorm.weight", ones(hidden));
      w.put(p + "mlp.gate_proj.weight", normal(random, 0.02, intermediate, hidden));
      w.put(p + "mlp.up_proj.weight", normal(random, 0.02, intermediate, hidden));
      w.put(p + "mlp.down_proj.weight", normal(random, residualStd, hidden, intermediate));
    }
    w.put("model.norm.weight", ones(hidden));
    w.put("lm_head.weight", normal(random, 0.02, vocabSize, hidden));
    return w;
  }

  private static FloatTensor normal(SplittableRandom random, double std, int rows, int cols) {
    float[] data = new float[rows * cols];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (gaussian(random) * std);
    }
    return FloatTensor.of(data, rows, cols);
  }

  /** Box-Muller, so the values depend only on the seed (not on a JDK's nextGaussian). */
  private static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static FloatTensor ones(int n) {
    float[] data = new float[n];
    java.util.Arrays.fill(data, 1f);
    return FloatTensor.of(data, n);
  }
}
