package io.alignscope.lm.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.checkpoint.FloatTensor;
import io.alignscope.lm.checkpoint.ModelConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared skeleton of a decoder: embed, run the blocks (each in its own memory scope so a
 * layer's intermediates are freed before the next), final norm, output projection.
 */
abstract class DecoderModel implements CausalLm {
  protected final ModelConfig config;
  protected final LoadOptions options;
  private final NDManager manager;
  private final Map<String, NDArray> parameters = new LinkedHashMap<>();
  private Linear outputProjection;

  DecoderModel(Checkpoint checkpoint, LoadOptions options) {
    this.config = checkpoint.config();
    this.options = options;
    this.manager = NDManager.newBaseManager(options.device());
  }

  /** Loads a tensor onto the device in the compute type, checking its shape. */
  protected NDArray load(Checkpoint checkpoint, String name, long... shape) {
    FloatTensor t = checkpoint.read(name, shape);
    NDArray array = manager.create(t.data(), new Shape(t.shape()));
    if (options.computeType() != DataType.FLOAT32) {
      NDArray converted = array.toType(options.computeType(), false);
      array.close();
      array = converted;
    }
    if (options.trainable()) {
      array.setRequiresGradient(true);
    }
    parameters.put(name, array);
    return array;
  }

  /** Loads an optional tensor; null when absent. */
  protected NDArray loadIfPresent(Checkpoint checkpoint, String name, long... shape) {
    return checkpoint.has(name) ? load(checkpoint, name, shape) : null;
  }

  protected void setOutputProjection(Linear projection) {
    this.outputProjection = projection;
  }

  /** Token (and for GPT-2 position) embeddings of the new tokens, owned by {@code scope}. */
  protected abstract NDArray embed(NDArray inputIds, AttentionContext context, NDManager scope);

  /** One decoder block; {@code cache} may be null. */
  protected abstract NDArray block(int layer, NDArray hidden, AttentionContext context, KvCache cache);

  /** The final normalisation. */
  protected abstract NDArray finalNorm(NDArray hidden);

  @Override
  public final NDArray hidden(NDArray inputIds, NDArray attentionMask, KvCache cache) {
    if (!options.trainable()) {
      // PyTorch's grad mode is per thread and on by default: Spark task threads would record graphs.
      JniUtils.setGradMode(false);
    }
    NDManager scope = inputIds.getManager();
    long newTokens = inputIds.getShape().get(1);
    NDArray fullMask = cache == null ? attentionMask : cache.extendMask(attentionMask);
    AttentionContext context = AttentionContext.build(fullMask, newTokens, scope);
    NDArray h = embed(inputIds, context, scope);
    for (int layer = 0; layer < config.numLayers(); layer++) {
      NDArray previous = h;
      try (NDManager layerScope = scope.newSubManager()) {
        h.tempAttach(layerScope);
        h = block(layer, h, context, cache);
        h.attach(scope);
      }
      previous.close();
    }
    return finalNorm(h);
  }

  @Override
  public final NDArray logits(NDArray hidden) {
    return outputProjection.apply(hidden).toType(DataType.FLOAT32, false);
  }

  @Override
  public final KvCache newCache(NDManager parent) {
    return new KvCache(parent, config.numLayers());
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public Device device() {
    return options.device();
  }

  @Override
  public NDManager manager() {
    return manager;
  }

  @Override
  public Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  @Override
  public void close() {
    manager.close();
  }

  /** Splits {@code [B, T, heads*D]} into {@code [B, heads, T, D]}. */
  protected static NDArray heads(NDArray x, int heads, int headDim) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    return x.reshape(b, t, heads, headDim).transpose(0, 2, 1, 3);
  }
}
