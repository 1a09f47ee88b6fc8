package io.alignscope.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture hyper-parameters of a checkpoint, read from its config.json and normalised
 * across model families (GPT-2's {@code n_embd} becomes {@link #hiddenSize()}, and so on).
 *
 * @param architecture decoder family
 * @param vocabSize rows of the embedding matrix
 * @param hiddenSize model width
 * @param numLayers decoder blocks
 * @param numHeads query heads
 * @param numKvHeads key/value heads (GQA when fewer than query heads)
 * @param headDim size of one head
 * @param intermediateSize MLP width
 * @param normEps epsilon of RMSNorm or LayerNorm
 * @param ropeTheta RoPE base (Llama family)
 * @param ropeScaling RoPE scaling (Llama family)
 * @param maxPositions {@code max_position_embeddings} / {@code n_positions}
 * @param tieWordEmbeddings whether the output projection is the embedding matrix
 * @param attentionBias whether q/k/v projections have biases
 * @param outputBias whether the attention output projection has a bias
 * @param mlpBias whether MLP projections have biases
 * @param slidingWindow attention window, or 0 for full causal attention
 * @param firstWindowedLayer layers from this index on use the window (Qwen2's max_window_layers)
 * @param bosTokenId beginning-of-sequence id from config.json, or -1
 * @param eosTokenIds end-of-sequence ids from config.json (may be empty)
 */
public record ModelConfig(
    Architecture architecture,
    int vocabSize,
    int hiddenSize,
    int numLayers,
    int numHeads,
    int numKvHeads,
    int headDim,
    int intermediateSize,
    double normEps,
    double ropeTheta,
    RopeScaling ropeScaling,
    int maxPositions,
    boolean tieWordEmbeddings,
    boolean attentionBias,
    boolean outputBias,
    boolean mlpBias,
    int slidingWindow,
    int firstWindowedLayer,
    int bosTokenId,
    List<Integer> eosTokenIds) {

  public ModelConfig {
    eosTokenIds = List.copyOf(eosTokenIds);
    if (numHeads <= 0 || numKvHeads <= 0 || numHeads % numKvHeads != 0) {
      throw new CheckpointException("num_attention_heads " + numHeads
          + " must be a positive multiple of num_key_value_heads " + numKvHeads);
    }
    if (headDim <= 0 || headDim % 2 != 0) {
      throw new CheckpointException("head dimension " + headDim + " must be a positive even number");
    }
    if (vocabSize <= 0 || hiddenSize <= 0 || numLayers <= 0 || intermediateSize <= 0) {
      throw new CheckpointException("config has a non-positive size: vocab " + vocabSize + ", hidden "
          + hiddenSize + ", layers " + numLayers + ", intermediate " + intermediateSize);
    }
  }

  /** Parses config.json contents; {@code source} names the file in error messages. */
  public static ModelConfig parse(JsonNode json, String source) {
    if (!json.hasNonNull("model_type")) {
      throw new CheckpointException(source + " has no model_type");
    }
    Architecture arch = Architecture.fromModelType(json.get("model_type").asText());
    try {
      return arch == Architecture.GPT2 ? parseGpt2(json) : parseLlamaFamily(arch, json);
    } catch (CheckpointException e) {
      throw new CheckpointException(source + ": " + e.getMessage(), e);
    }
  }

  private static ModelConfig parseLlamaFamily(Architecture arch, JsonNode j) {
    int hidden = required(j, "hidden_size");
    int heads = required(j, "num_attention_heads");
    int kvHeads = j.has("num_key_value_heads") && !j.get("num_key_value_heads").isNull()
        ? j.get("num_key_value_heads").asInt()
        : j.has("num_key_value_heads") ? heads : defaultKvHeads(arch, heads);
    int headDim = j.hasNonNull("head_dim") ? j.get("head_dim").asInt() : hidden / heads;
    boolean qkvBias = arch == Architecture.QWEN2 || j.path("attention_bias").asBoolean(false);
    boolean outBias = arch != Architecture.QWEN2 && j.path("attention_bias").asBoolean(false);
    int window = 0;
    int firstWindowed = 0;
    if (arch == Architecture.MISTRAL) {
      // transformers' MistralConfig default is 4096 when the key is absent; null means no window.
      window = !j.has("sliding_window") ? 4096 : j.get("sliding_window").isNull() ? 0 : j.get("sliding_window").asInt();
    } else if (arch == Architecture.QWEN2 && j.path("use_sliding_window").asBoolean(false)) {
      window = j.path("sliding_window").asInt(4096);
      firstWindowed = j.path("max_window_layers").asInt(28);
    }
    return new ModelConfig(arch, required(j, "vocab_size"), hidden, required(j, "num_hidden_layers"),
        heads, kvHeads, headDim, required(j, "intermediate_size"),
        j.path("rms_norm_eps").asDouble(1e-6), j.path("rope_theta").asDouble(10000.0),
        RopeScaling.parse(j.get("rope_scaling")), j.path("max_position_embeddings").asInt(2048),
        j.path("tie_word_embeddings").asBoolean(false), qkvBias, outBias,
        j.path("mlp_bias").asBoolean(false), window, firstWindowed, j.path("bos_token_id").asInt(-1),
        ids(j.get("eos_token_id")));
  }

  /** transformers' class defaults when num_key_value_heads is absent. */
  private static int defaultKvHeads(Architecture arch, int heads) {
    return switch (arch) {
      case MISTRAL -> 8;
      case QWEN2 -> 32;
      default -> heads;
    };
  }

  private static ModelConfig parseGpt2(JsonNode j) {
    String act = j.path("activation_function").asText("gelu_new");
    if (!act.equals("gelu_new")) {
      throw new CheckpointException("unsupported GPT-2 activation_function '" + act + "'; supported: gelu_new");
    }
    int hidden = required(j, "n_embd");
    int heads = required(j, "n_head");
    int inner = j.hasNonNull("n_inner") ? j.get("n_inner").asInt() : 4 * hidden;
    return new ModelConfig(Architecture.GPT2, required(j, "vocab_size"), hidden, required(j, "n_layer"),
        heads, heads, hidden / heads, inner, j.path("layer_norm_epsilon").asDouble(1e-5), 0,
        RopeScaling.NONE, j.path("n_positions").asInt(1024), j.path("tie_word_embeddings").asBoolean(true),
        true, true, true, 0, 0, j.path("bos_token_id").asInt(-1), ids(j.get("eos_token_id")));
  }

  private static int required(JsonNode j, String key) {
    if (!j.hasNonNull(key)) {
      throw new CheckpointException("config.json is missing '" + key + "'");
    }
    return j.get(key).asInt();
  }

  private static List<Integer> ids(JsonNode node) {
    List<Integer> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asInt()));
    } else {
      out.add(node.asInt());
    }
    return out;
  }

  /** The attention window of one layer (0 = full causal attention). */
  public int windowOfLayer(int layer) {
    return layer >= firstWindowedLayer ? slidingWindow : 0;
  }

  /** Query heads per key/value head. */
  public int kvGroups() {
    return numHeads / numKvHeads;
  }
}
