package io.alignscope.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.checkpoint.ModelConfig;

/**
 * GPT-2: learned position embeddings, pre-norm LayerNorm blocks, fused Conv1D q/k/v projection,
 * {@code gelu_new} MLP, output tied to the token embeddings. Tensor names may carry the
 * {@code transformer.} prefix (as saved by GPT2LMHeadModel) or not (as in the original upload).
 */
final class Gpt2Decoder extends DecoderModel {
  private final NDArray tokenEmbeddings;
  private final NDArray positionEmbeddings;
  private final Block[] blocks;
  private final NDArray finalNormWeight;
  private final NDArray finalNormBias;

  private record Block(NDArray norm1Weight, NDArray norm1Bias, Linear qkv, Linear attnOut,
      NDArray norm2Weight, NDArray norm2Bias, Linear fc, Linear proj) {}

  Gpt2Decoder(Checkpoint checkpoint, LoadOptions options) {
    super(checkpoint, options);
    ModelConfig c = config;
    String p = checkpoint.has("transformer.wte.weight") ? "transformer." : "";
    long d = c.hiddenSize();
    tokenEmbeddings = load(checkpoint, p + "wte.weight", c.vocabSize(), d);
    positionEmbeddings = load(checkpoint, p + "wpe.weight", c.maxPositions(), d);
    blocks = new Block[c.numLayers()];
    for (int i = 0; i < blocks.length; i++) {
      String b = p + "h." + i + ".";
      blocks[i] = new Block(
          load(checkpoint, b + "ln_1.weight", d), load(checkpoint, b + "ln_1.bias", d),
          conv1d(checkpoint, b + "attn.c_attn", d, 3 * d),
          conv1d(checkpoint, b + "attn.c_proj", d, d),
          load(checkpoint, b + "ln_2.weight", d), load(checkpoint, b + "ln_2.bias", d),
          conv1d(checkpoint, b + "mlp.c_fc", d, c.intermediateSize()),
          conv1d(checkpoint, b + "mlp.c_proj", c.intermediateSize(), d));
    }
    finalNormWeight = load(checkpoint, p + "ln_f.weight", d);
    finalNormBias = load(checkpoint, p + "ln_f.bias", d);
    setOutputProjection(Linear.outputMajor(tokenEmbeddings, null, options.trainable()));
  }

  private Linear conv1d(Checkpoint checkpoint, String prefix, long in, long out) {
    return Linear.inputMajor(load(checkpoint, prefix + ".weight", in, out), load(checkpoint, prefix + ".bias", out));
  }

  @Override
  protected NDArray embed(NDArray inputIds, AttentionContext context, NDManager scope) {
    NDArray tokens = Ops.embedding(tokenEmbeddings, inputIds, scope);
    NDArray positions = Ops.embedding(positionEmbeddings, context.positions, scope);
    return tokens.add(positions);
  }

  @Override
  protected NDArray block(int index, NDArray h, AttentionContext context, KvCache cache) {
    Block block = blocks[index];
    int heads = config.numHeads();
    int headDim = config.headDim();
    NDArray x = Ops.layerNorm(h, block.norm1Weight(), block.norm1Bias(), config.normEps());
    NDList qkv = block.qkv().apply(x).split(3, 2);
    NDArray q = heads(qkv.get(0), heads, headDim);
    NDArray k = heads(qkv.get(1), heads, headDim);
    NDArray v = heads(qkv.get(2), heads, headDim);
    NDArray[] kv = cache == null ? new NDArray[] {k, v} : cache.append(index, k, v);
    NDArray afterAttention = h.add(block.attnOut().apply(Attention.attend(q, kv[0], kv[1], 1, context, 0)));
    NDArray y = Ops.layerNorm(afterAttention, block.norm2Weight(), block.norm2Bias(), config.normEps());
    return afterAttention.add(block.proj().apply(Ops.geluNew(block.fc().apply(y))));
  }

  @Override
  protected NDArray finalNorm(NDArray hidden) {
    return Ops.layerNorm(hidden, finalNormWeight, finalNormBias, config.normEps());
  }
}
