package io.alignscope.jobs.bf;

import io.alignscope.jobs.config.BatchSettings;
import io.alignscope.jobs.config.BfModel;
import io.alignscope.jobs.config.BfSettings;
import io.alignscope.jobs.config.NudgeSettings;
import io.alignscope.jobs.exec.OomRetry;
import io.alignscope.jobs.exec.PartitionProgress;
import io.alignscope.jobs.exec.PreparedPrompt;
import io.alignscope.jobs.exec.TokenBudgetBatcher;
import io.alignscope.jobs.models.LoadedModel;
import io.alignscope.jobs.nudge.PairNudger;
import io.alignscope.lm.infer.DecodingOptions;
import io.alignscope.lm.infer.Generation;
import io.alignscope.lm.infer.Generator;
import io.alignscope.lm.infer.NudgedGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Samples M seeded continuations per prompt from the base model (after its wrapper), the aligned
 * model (after its chat template) and the nudged base model, and computes each prompt's branching
 * factor. Draws depend only on (seed, prompt id, sample, step), so a retried task reproduces them.
 */
public final class BranchingSampler {
  private final LoadedModel base;
  private final LoadedModel aligned;
  private final BfSettings bf;
  private final NudgeSettings nudge;
  private final BatchSettings batch;

  public BranchingSampler(LoadedModel base, LoadedModel aligned, BfSettings bf, NudgeSettings nudge,
      BatchSettings batch) {
    this.base = base;
    this.aligned = aligned;
    this.bf = bf;
    this.nudge = nudge;
    this.batch = batch;
  }

  /** Outcomes for every prompt and configured model. */
  public List<BranchingOutcome> sample(List<PreparedPrompt> prompts, PartitionProgress progress) {
    List<BranchingOutcome> out = new ArrayList<>();
    for (BfModel model : bf.models()) {
      Function<PreparedPrompt, long[]> promptOf = model == BfModel.ALIGNED ? PreparedPrompt::alignedPrompt
          : PreparedPrompt::basePrompt;
      for (List<PreparedPrompt> group : TokenBudgetBatcher.batches(prompts,
          p -> p.promptTokens() + bf.maxNewTokens(), bf.samples(), p -> p.record().id(), batch)) {
        List<BranchingOutcome> outcomes = OomRetry.run(group, g -> sampleGroup(model, g, promptOf));
        out.addAll(outcomes);
        progress.batchDone(group.size(), outcomes.stream().flatMap(o -> o.continuations().stream())
            .mapToLong(Generation::length).sum());
      }
    }
    return out;
  }

  private List<BranchingOutcome> sampleGroup(BfModel model, List<PreparedPrompt> group,
      Function<PreparedPrompt, long[]> promptOf) {
    List<String> keys = group.stream().map(p -> p.record().id()).toList();
    List<BranchingOutcome> out = new ArrayList<>();
    if (model == BfModel.NUDGED) {
      List<List<NudgedGeneration>> nudged = PairNudger.of(base, aligned, nudge).generate(group.stream().map(PreparedPrompt::basePrompt).toList(),
          group.stream().map(PreparedPrompt::alignedPrompt).toList(), keys, decoding(base.stop()));
      for (int i = 0; i < group.size(); i++) {
        List<Generation> continuations = nudged.get(i).stream().map(NudgedGeneration::generation).toList();
        List<boolean[]> flags = nudged.get(i).stream().map(NudgedGeneration::fromAligned).toList();
        double fraction = nudged.get(i).stream().mapToInt(NudgedGeneration::alignedTokens).sum()
            / (double) Math.max(1, continuations.stream().mapToInt(Generation::length).sum());
        out.add(new BranchingOutcome(PromptBranching.of(keys.get(i), model, continuations, bf, fraction),
            continuations, flags));
      }
      return out;
    }
    LoadedModel m = model == BfModel.ALIGNED ? aligned : base;
    List<List<Generation>> generations = new Generator(m.model(), m.tokenizer())
        .generate(group.stream().map(promptOf).toList(), keys, decoding(m.stop()));
    for (int i = 0; i < group.size(); i++) {
      out.add(new BranchingOutcome(PromptBranching.of(keys.get(i), model, generations.get(i), bf, Double.NaN),
          generations.get(i), null));
    }
    return out;
  }

  private DecodingOptions decoding(List<String> stop) {
    return new DecodingOptions(false, bf.temperature(), bf.topP(), bf.maxNewTokens(), bf.samples(), bf.seed(),
        bf.paperTopK(), stop);
  }
}
