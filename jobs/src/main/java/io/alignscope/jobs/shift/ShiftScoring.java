package io.alignscope.jobs.shift;

import io.alignscope.jobs.config.AnswerSource;
import io.alignscope.jobs.config.BatchSettings;
import io.alignscope.jobs.config.ShiftSettings;
import io.alignscope.jobs.exec.OomRetry;
import io.alignscope.jobs.exec.PartitionProgress;
import io.alignscope.jobs.exec.PreparedPrompt;
import io.alignscope.jobs.exec.StageReject;
import io.alignscope.jobs.exec.TokenBudgetBatcher;
import io.alignscope.jobs.models.LoadedModel;
import io.alignscope.lm.infer.DecodingOptions;
import io.alignscope.lm.infer.Generation;
import io.alignscope.lm.infer.Generator;
import io.alignscope.lm.infer.PairScores;
import io.alignscope.lm.infer.Padding;
import io.alignscope.lm.infer.TeacherForcedScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Token distribution shift (URIAL) over prepared prompts: takes the corpus response or lets the
 * aligned model answer greedily, then scores the same answer token ids under the aligned model
 * (after its chat template) and the base model (after its wrapper) in one pass each, with every
 * full-vocabulary statistic computed on the device. Answers are never decoded and re-tokenised.
 */
public final class ShiftScoring {
  /** Reason for rows without an answer when answers = response. */
  public static final String MISSING_RESPONSE = "missing-response";
  private final LoadedModel base;
  private final LoadedModel aligned;
  private final ShiftSettings settings;
  private final BatchSettings batch;

  public ShiftScoring(LoadedModel base, LoadedModel aligned, ShiftSettings settings, BatchSettings batch) {
    this.base = base;
    this.aligned = aligned;
    this.settings = settings;
    this.batch = batch;
  }

  /** Scores every prompt; rows that cannot be scored are added to {@code rejects}. */
  public List<ShiftExample> score(List<PreparedPrompt> prompts, PartitionProgress progress, List<StageReject> rejects) {
    List<Answered> answered = new ArrayList<>();
    List<PreparedPrompt> toGenerate = new ArrayList<>();
    for (PreparedPrompt p : prompts) {
      boolean useResponse = settings.answers() != AnswerSource.GENERATE && p.answer() != null;
      if (useResponse) {
        answered.add(new Answered(p, p.answer(), "response", p.record().answer(), null));
      } else if (settings.answers() == AnswerSource.RESPONSE) {
        rejects.add(new StageReject(p.record(), MISSING_RESPONSE, "shift.answers = response but the row has no response"));
      } else {
        toGenerate.add(p);
      }
    }
    answered.addAll(generate(toGenerate));
    List<ShiftExample> out = new ArrayList<>();
    TeacherForcedScorer scorer = new TeacherForcedScorer(Padding.RIGHT, batch.logitChunk());
    for (List<Answered> group : TokenBudgetBatcher.batches(answered, a -> a.prompt.promptTokens() + a.tokens.length, 1,
        a -> a.prompt.record().id(), batch)) {
      out.addAll(OomRetry.run(group, g -> scoreGroup(scorer, g)));
      progress.batchDone(group.size(), group.stream().mapToLong(a -> a.prompt.promptTokens() + a.tokens.length).sum());
    }
    return out;
  }

  private List<ShiftExample> scoreGroup(TeacherForcedScorer scorer, List<Answered> group) {
    List<PairScores> scores = scorer.scorePair(aligned.model(),
        group.stream().map(a -> a.prompt.alignedPrompt()).toList(), base.model(),
        group.stream().map(a -> a.prompt.basePrompt()).toList(), group.stream().map(a -> a.tokens).toList());
    List<ShiftExample> out = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Answered a = group.get(i);
      out.add(new ShiftExample(a.prompt.record().id(), a.prompt.record().source(), a.source, a.text, a.stopReason,
          a.tokens, a.prompt.basePrompt().length, a.prompt.alignedPrompt().length, scores.get(i)));
    }
    return out;
  }

  private List<Answered> generate(List<PreparedPrompt> prompts) {
    List<Answered> out = new ArrayList<>();
    if (prompts.isEmpty()) {
      return out;
    }
    Generator generator = new Generator(aligned.model(), aligned.tokenizer());
    DecodingOptions greedy = DecodingOptions.greedy(settings.maxNewTokens(), aligned.stop());
    for (List<PreparedPrompt> group : TokenBudgetBatcher.batches(prompts,
        p -> p.alignedPrompt().length + settings.maxNewTokens(), 1, p -> p.record().id(), batch)) {
      List<Generation> generations = OomRetry.run(group, g -> generator.generate(
          g.stream().map(PreparedPrompt::alignedPrompt).toList(), g.stream().map(p -> p.record().id()).toList(), greedy)
          .stream().map(samples -> samples.get(0)).toList());
      for (int i = 0; i < group.size(); i++) {
        Generation g = generations.get(i);
        out.add(new Answered(group.get(i), g.tokens(), "generated", aligned.tokenizer().decode(g.tokens(), true),
            g.stop().name().toLowerCase()));
      }
    }
    return out;
  }

  private record Answered(PreparedPrompt prompt, long[] tokens, String source, String text, String stopReason) {}
}
