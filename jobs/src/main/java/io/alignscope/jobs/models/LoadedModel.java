package io.alignscope.jobs.models;

import io.alignscope.jobs.config.ModelSpec;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.text.LmTokenizer;
import io.alignscope.lm.text.PromptFormat;
import java.util.List;

/**
 * One model ready on an executor: weights on its device, tokenizer, prompt format and stop
 * strings. Shared by every task of the JVM that asks for the same model on the same device.
 *
 * @param spec its configuration
 * @param checkpoint the local checkpoint
 * @param model the decoder
 * @param tokenizer its tokenizer
 * @param format its prompt format
 */
public record LoadedModel(ModelSpec spec, Checkpoint checkpoint, CausalLm model, LmTokenizer tokenizer,
    PromptFormat format) implements AutoCloseable {

  /** Stop strings of generations. */
  public List<String> stop() {
    return spec.stop();
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }
}
