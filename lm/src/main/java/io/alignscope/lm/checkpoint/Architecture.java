package io.alignscope.lm.checkpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The decoder families this runtime implements, keyed by config.json {@code model_type}. */
public enum Architecture {
  /** Llama 1/2/3 (RMSNorm, RoPE with optional scaling, GQA, SwiGLU). */
  LLAMA("llama"),
  /** Mistral: Llama with an optional sliding attention window. */
  MISTRAL("mistral"),
  /** Qwen2: Llama with q/k/v biases, often tied embeddings. */
  QWEN2("qwen2"),
  /** GPT-2: learned positions, LayerNorm, fused Conv1D attention, gelu_new. */
  GPT2("gpt2");

  private final String modelType;

  Architecture(String modelType) {
    this.modelType = modelType;
  }

  /** The {@code model_type} string in config.json. */
  public String modelType() {
    return modelType;
  }

  /** Resolves a config.json {@code model_type}, failing with the list of supported ones. */
  public static Architecture fromModelType(String modelType) {
    String wanted = modelType == null ? "" : modelType.toLowerCase(Locale.ROOT);
    for (Architecture a : values()) {
      if (a.modelType.equals(wanted)) {
        return a;
      }
    }
    throw new CheckpointException("unsupported model_type '" + modelType + "'; supported: "
        + Arrays.stream(values()).map(Architecture::modelType).collect(Collectors.joining(", ")));
  }
}
