package io.alignscope.lm.infer;

import ai.djl.ndarray.NDManager;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.text.LmTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Continues a batch of prompts with a KV cache: one prefill over the left-padded prompts, then
 * one token per step. For {@code M} samples per prompt the prompt is encoded once and its cache
 * rows repeated. Finished rows are dropped from the batch once they are half of it.
 */
public final class Generator {
  private final CausalLm model;
  private final LmTokenizer tokenizer;
  private final boolean useCache;

  /** A generator that uses the KV cache. */
  public Generator(CausalLm model, LmTokenizer tokenizer) {
    this(model, tokenizer, true);
  }

  /**
   * @param useCache false re-runs the whole sequence every step (only to test and benchmark the
   *     cache)
   */
  public Generator(CausalLm model, LmTokenizer tokenizer, boolean useCache) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.useCache = useCache;
  }

  /**
   * Generates {@code options.samplesPerPrompt()} continuations of each prompt.
   *
   * @param prompts prompt ids (non-empty)
   * @param keys a stable key per prompt (e.g. its id) that, with the seed, fixes its samples
   * @return per prompt, its continuations in sample order
   */
  public List<List<Generation>> generate(List<long[]> prompts, List<String> keys, DecodingOptions options) {
    if (prompts.size() != keys.size()) {
      throw new IllegalArgumentException(prompts.size() + " prompts but " + keys.size() + " keys");
    }
    int samples = options.samplesPerPrompt();
    int rows = prompts.size() * samples;
    for (int i = 0; i < prompts.size(); i++) {
      if (prompts.get(i).length == 0) {
        throw new IllegalArgumentException("prompt " + keys.get(i) + " has no tokens");
      }
    }
    StepRecorder[] recorders = new StepRecorder[rows];
    for (int r = 0; r < rows; r++) {
      recorders[r] = new StepRecorder(options.maxNewTokens());
    }
    Set<Long> eos = StepRecorder.eosSet(tokenizer);
    ActiveRows active = new ActiveRows(keys, samples, options.seed());
    try (NDManager scope = model.manager().newSubManager()) {
      DecodeStepper stepper = useCache
          ? new KvCacheStepper(model, scope, prompts, samples) : new RecomputingStepper(model, prompts, samples);
      for (int step = 0; ; step++) {
        float[] chosen;
        try (NDManager stepScope = scope.newSubManager()) {
          chosen = NextTokenChooser.choose(stepper.logits(stepScope), active.uniforms(step), options);
        }
        long[] next = new long[active.size()];
        List<Integer> unfinished = new ArrayList<>();
        for (int c = 0; c < active.size(); c++) {
          StepRecorder recorder = recorders[active.row(c)];
          if (!recorder.finished() && !recorder.record(chosen, c, eos, options.stopStrings(), tokenizer)) {
            unfinished.add(c);
          }
          next[c] = recorder.lastToken();
        }
        if (unfinished.isEmpty()) {
          break;
        }
        stepper.advance(next, active.compact(unfinished, stepper));
      }
    }
    List<List<Generation>> out = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      List<Generation> perPrompt = new ArrayList<>();
      for (int s = 0; s < samples; s++) {
        perPrompt.add(recorders[i * samples + s].result());
      }
      out.add(perPrompt);
    }
    return out;
  }
}
