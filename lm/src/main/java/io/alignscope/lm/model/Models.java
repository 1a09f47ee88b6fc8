package io.alignscope.lm.model;

import io.alignscope.lm.checkpoint.Checkpoint;

/** Builds the decoder implementation matching a checkpoint's architecture. */
public final class Models {
  private Models() {}

  /** Loads {@code checkpoint}'s weights onto the device described by {@code options}. */
  public static CausalLm load(Checkpoint checkpoint, LoadOptions options) {
    return switch (checkpoint.config().architecture()) {
      case LLAMA, MISTRAL, QWEN2 -> new LlamaDecoder(checkpoint, options);
      case GPT2 -> new Gpt2Decoder(checkpoint, options);
    };
  }
}
