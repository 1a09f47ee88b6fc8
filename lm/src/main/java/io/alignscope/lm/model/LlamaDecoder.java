package io.alignscope.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.checkpoint.ModelConfig;

/**
 * The Llama family: Llama 2/3 (RoPE scaling, GQA), Mistral (sliding window) and Qwen2 (q/k/v
 * biases, tied embeddings). Pre-norm blocks with RMSNorm, rotary attention and a SwiGLU MLP.
 */
final class LlamaDecoder extends DecoderModel {
  private final NDArray embeddings;
  private final Layer[] layers;
  private final NDArray finalNormWeight;
  private final Rotary rotary;

  private record Layer(NDArray inputNorm, Linear q, Linear k, Linear v, Linear o, NDArray postNorm,
      Linear gate, Linear up, Linear down) {}

  LlamaDecoder(Checkpoint checkpoint, LoadOptions options) {
    super(checkpoint, options);
    ModelConfig c = config;
    long hidden = c.hiddenSize();
    long qOut = (long) c.numHeads() * c.headDim();
    long kvOut = (long) c.numKvHeads() * c.headDim();
    embeddings = load(checkpoint, "model.embed_tokens.weight", c.vocabSize(), hidden);
    layers = new Layer[c.numLayers()];
    for (int i = 0; i < layers.length; i++) {
      String p = "model.layers." + i + ".";
      layers[i] = new Layer(
          load(checkpoint, p + "input_layernorm.weight", hidden),
          linear(checkpoint, p + "self_attn.q_proj", qOut, hidden, c.attentionBias()),
          linear(checkpoint, p + "self_attn.k_proj", kvOut, hidden, c.attentionBias()),
          linear(checkpoint, p + "self_attn.v_proj", kvOut, hidden, c.attentionBias()),
          linear(checkpoint, p + "self_attn.o_proj", hidden, qOut, c.outputBias()),
          load(checkpoint, p + "post_attention_layernorm.weight", hidden),
          linear(checkpoint, p + "mlp.gate_proj", c.intermediateSize(), hidden, c.mlpBias()),
          linear(checkpoint, p + "mlp.up_proj", c.intermediateSize(), hidden, c.mlpBias()),
          linear(checkpoint, p + "mlp.down_proj", hidden, c.intermediateSize(), c.mlpBias()));
    }
    finalNormWeight = load(checkpoint, "model.norm.weight", hidden);
    NDArray head = c.tieWordEmbeddings() || !checkpoint.has("lm_head.weight")
        ? embeddings
        : load(checkpoint, "lm_head.weight", c.vocabSize(), hidden);
    setOutputProjection(Linear.outputMajor(head, null, options.trainable()));
    rotary = new Rotary(c, manager());
  }

  private Linear linear(Checkpoint checkpoint, String prefix, long out, long in, boolean bias) {
    NDArray weight = load(checkpoint, prefix + ".weight", out, in);
    NDArray b = bias ? load(checkpoint, prefix + ".bias", out) : null;
    return Linear.outputMajor(weight, b, options.trainable());
  }

  @Override
  protected NDArray embed(NDArray inputIds, AttentionContext context, NDManager scope) {
    return Ops.embedding(embeddings, inputIds, scope);
  }

  @Override
  protected NDArray block(int index, NDArray h, AttentionContext context, KvCache cache) {
    Layer layer = layers[index];
    NDArray x = Ops.rmsNorm(h, layer.inputNorm(), config.normEps());
    NDArray[] tables = context.rotaryTables(rotary, h.getDataType());
    NDArray q = Rotary.apply(heads(layer.q().apply(x), config.numHeads(), config.headDim()), tables);
    NDArray k = Rotary.apply(heads(layer.k().apply(x), config.numKvHeads(), config.headDim()), tables);
    NDArray v = heads(layer.v().apply(x), config.numKvHeads(), config.headDim());
    NDArray[] kv = cache == null ? new NDArray[] {k, v} : cache.append(index, k, v);
    NDArray attended = Attention.attend(q, kv[0], kv[1], config.kvGroups(), context,
        config.windowOfLayer(index));
    NDArray afterAttention = h.add(layer.o().apply(attended));
    NDArray y = Ops.rmsNorm(afterAttention, layer.postNorm(), config.normEps());
    NDArray mlp = layer.down().apply(Ops.silu(layer.gate().apply(y)).mul(layer.up().apply(y)));
    return afterAttention.add(mlp);
  }

  @Override
  protected NDArray finalNorm(NDArray hidden) {
    return Ops.rmsNorm(hidden, finalNormWeight, config.normEps());
  }
}
