package io.alignscope.lm.infer;

import ai.djl.ndarray.NDManager;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.text.LmTokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Nudging: the base model decodes and the aligned model takes over where the base model is unsure
 * (see {@link NudgingOptions}). Both models read every token in lock-step, each after its own
 * prompt format, with their own KV caches; per row a {@link NudgingController} decides which
 * model's token is kept. Greedy decoding gives the paper's outputs; seeded sampling gives the
 * continuations whose branching factor is measured. Token counts are in the shared tokenizer's
 * tokens (the pair must share one vocabulary).
 */
public final class Nudger {
  private final CausalLm base;
  private final CausalLm aligned;
  private final LmTokenizer tokenizer;
  private final Set<Long> eos;
  private final NudgingOptions options;

  /**
   * @param tokenizer the shared tokenizer (word boundaries, stop strings)
   * @param eosIds end-of-sequence ids of either model
   */
  public Nudger(CausalLm base, CausalLm aligned, LmTokenizer tokenizer, Set<Long> eosIds, NudgingOptions options) {
    this.base = base;
    this.aligned = aligned;
    this.tokenizer = tokenizer;
    this.eos = Set.copyOf(new HashSet<>(eosIds));
    this.options = options;
  }

  /**
   * Continues each prompt {@code decoding.samplesPerPrompt()} times.
   *
   * @param basePrompts prompts in the base model's format
   * @param alignedPrompts the same prompts in the aligned model's format
   * @param keys stable keys that fix the random draws
   */
  public List<List<NudgedGeneration>> generate(List<long[]> basePrompts, List<long[]> alignedPrompts,
      List<String> keys, DecodingOptions decoding) {
    int samples = decoding.samplesPerPrompt();
    int rows = basePrompts.size() * samples;
    StepRecorder[] recorders = new StepRecorder[rows];
    NudgingController[] controllers = new NudgingController[rows];
    List<List<Boolean>> sources = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      recorders[r] = new StepRecorder(decoding.maxNewTokens());
      controllers[r] = new NudgingController(options);
      sources.add(new ArrayList<>());
    }
    ActiveRows active = new ActiveRows(keys, samples, decoding.seed());
    try (NDManager baseScope = base.manager().newSubManager();
        NDManager alignedScope = aligned.manager().newSubManager()) {
      DecodeStepper baseStepper = new KvCacheStepper(base, baseScope, basePrompts, samples);
      DecodeStepper alignedStepper = new KvCacheStepper(aligned, alignedScope, alignedPrompts, samples);
      for (int step = 0; ; step++) {
        float[] uniforms = active.uniforms(step);
        float[] fromBase;
        float[] fromAligned;
        try (NDManager stepScope = baseScope.newSubManager()) {
          fromBase = NextTokenChooser.choose(baseStepper.logits(stepScope), uniforms, decoding);
        }
        try (NDManager stepScope = alignedScope.newSubManager()) {
          fromAligned = NextTokenChooser.choose(alignedStepper.logits(stepScope), uniforms, decoding);
        }
        long[] next = new long[active.size()];
        List<Integer> unfinished = new ArrayList<>();
        for (int c = 0; c < active.size(); c++) {
          int row = active.row(c);
          StepRecorder recorder = recorders[row];
          if (!recorder.finished()) {
            int at = c * NextTokenChooser.FIELDS;
            long alignedToken = Math.round(fromAligned[at + NextTokenChooser.TOKEN]);
            boolean useAligned = controllers[row].alignedProduces(fromBase[at + NextTokenChooser.TOP_PROB],
                tokenizer.startsWord((int) alignedToken));
            float[] chosen = useAligned ? fromAligned : fromBase;
            sources.get(row).add(useAligned);
            long token = Math.round(chosen[at + NextTokenChooser.TOKEN]);
            if (!recorder.recordToken(token, chosen, at, eos, decoding.stopStrings(), tokenizer)) {
              unfinished.add(c);
            }
          }
          next[c] = recorder.lastToken();
        }
        if (unfinished.isEmpty()) {
          break;
        }
        int[] keep = active.compact(unfinished, baseStepper);
        baseStepper.advance(next, keep);
        alignedStepper.advance(next, keep);
      }
    }
    List<List<NudgedGeneration>> out = new ArrayList<>();
    for (int p = 0; p < basePrompts.size(); p++) {
      List<NudgedGeneration> perPrompt = new ArrayList<>();
      for (int s = 0; s < samples; s++) {
        int row = p * samples + s;
        List<Boolean> flags = sources.get(row);
        boolean[] fromAligned = new boolean[flags.size()];
        for (int i = 0; i < fromAligned.length; i++) {
          fromAligned[i] = flags.get(i);
        }
        perPrompt.add(new NudgedGeneration(recorders[row].result(), fromAligned));
      }
      out.add(perPrompt);
    }
    return out;
  }
}
