package io.alignscope.jobs.select;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.alignscope.jobs.config.BatchSettings;
import io.alignscope.jobs.config.TokenLimits;
import io.alignscope.jobs.exec.OomRetry;
import io.alignscope.jobs.exec.PartitionProgress;
import io.alignscope.jobs.exec.PreparedPrompt;
import io.alignscope.jobs.exec.PromptPreparer;
import io.alignscope.jobs.exec.PromptRecord;
import io.alignscope.jobs.exec.StageReject;
import io.alignscope.jobs.exec.TokenBudgetBatcher;
import io.alignscope.jobs.models.LoadedModel;
import io.alignscope.lm.infer.PaddedBatch;
import io.alignscope.lm.infer.Padding;
import io.alignscope.lm.infer.PairScores;
import io.alignscope.lm.infer.TeacherForcedScorer;
import io.alignscope.lm.infer.TokenScores;
import io.alignscope.lm.model.CausalLm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The selection stage's model work on prepared prompts, in batches bounded by tokens:
 *
 * <ol>
 *   <li>each answer (and the rejected answer of preference data) is scored by both models after
 *       their own prompts in one {@link TeacherForcedScorer#scorePair} call: base log-probs (IFD's
 *       conditioned loss), base ranks (shift density), KL(aligned ‖ base), base entropies;
 *   <li>the base model scores the same answer after the IFD alone context ({@link IfdContext});
 *   <li>the base model reads base prompt + answer once more and the final hidden state at the last
 *       answer token comes back as the embedding (D floats per example, L2-normalised).
 * </ol>
 *
 * A row with no answer is rejected as {@value #MISSING_ANSWER}; a rejected answer over the token
 * limit rejects its row like an over-long response.
 */
public final class ModelScoring {
  /** Reject reason of rows without a response or chosen answer. */
  public static final String MISSING_ANSWER = "missing-answer";
  /** Reject reason of rows whose embedding is zero or not finite. */
  public static final String EMBEDDING_NOT_FINITE = "embedding-not-finite";
  private final LoadedModel base;
  private final LoadedModel aligned;
  private final BatchSettings batch;
  private final TokenLimits limits;
  private final TeacherForcedScorer scorer;
  private final IfdContext context;

  public ModelScoring(LoadedModel base, LoadedModel aligned, BatchSettings batch, TokenLimits limits) {
    this.base = base;
    this.aligned = aligned;
    this.batch = batch;
    this.limits = limits;
    this.scorer = new TeacherForcedScorer(Padding.RIGHT, batch.logitChunk());
    this.context = IfdContext.of(base.tokenizer().addsBos());
  }

  /** How this pair's IFD alone loss is measured. */
  public IfdContext ifdContext() {
    return context;
  }

  /** Scores every prompt; rows that cannot be scored are added to {@code rejects}. */
  public List<ModelScores> score(List<PreparedPrompt> prompts, PartitionProgress progress, List<StageReject> rejects) {
    List<Item> items = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    for (PreparedPrompt p : prompts) {
      if (p.answer() == null) {
        rejects.add(new StageReject(p.record(), MISSING_ANSWER, "the row has neither a response nor a chosen answer"));
        continue;
      }
      long[] rejected = null;
      if (isPreference(p.record())) {
        rejected = aligned.tokenizer().encode(p.record().rejected());
        if (rejected.length > limits.maxResponseTokens()) {
          rejects.add(new StageReject(p.record(), PromptPreparer.RESPONSE_TOO_MANY_TOKENS, "rejected answer has "
              + rejected.length + " tokens, limit " + limits.maxResponseTokens()));
          continue;
        }
        if (rejected.length == 0) {
          rejected = null;
        }
      }
      Item item = new Item(p);
      items.add(item);
      targets.add(new Target(item, p.answer(), false));
      if (rejected != null) {
        targets.add(new Target(item, rejected, true));
      }
    }
    Map<Target, AnswerStats> stats = new HashMap<>();
    for (List<Target> group : TokenBudgetBatcher.batches(targets, t -> t.item.prompt.promptTokens() + t.tokens.length,
        1, Target::key, batch)) {
      List<AnswerStats> scored = OomRetry.run(group, this::scoreTargets);
      for (int i = 0; i < group.size(); i++) {
        stats.put(group.get(i), scored.get(i));
      }
      progress.batchDone(0, group.stream().mapToLong(t -> t.item.prompt.promptTokens() + t.tokens.length).sum());
    }
    Map<Item, float[]> embeddings = new HashMap<>();
    for (List<Item> group : TokenBudgetBatcher.batches(items, i -> i.prompt.basePrompt().length
        + i.prompt.answer().length, 1, i -> i.prompt.record().id(), batch)) {
      List<float[]> vectors = OomRetry.run(group, this::embed);
      for (int i = 0; i < group.size(); i++) {
        embeddings.put(group.get(i), vectors.get(i));
      }
      progress.batchDone(group.size(), group.stream().mapToLong(i -> i.prompt.basePrompt().length
          + i.prompt.answer().length).sum());
    }
    Map<Item, AnswerStats> chosen = new HashMap<>();
    Map<Item, AnswerStats> rejectedStats = new HashMap<>();
    for (Target t : targets) {
      (t.rejected ? rejectedStats : chosen).put(t.item, stats.get(t));
    }
    List<ModelScores> out = new ArrayList<>();
    for (Item item : items) {
      float[] embedding = embeddings.get(item);
      if (embedding == null) {
        rejects.add(new StageReject(item.prompt.record(), EMBEDDING_NOT_FINITE,
            "the base model's last hidden state is zero or not finite"));
        continue;
      }
      AnswerStats answer = chosen.get(item);
      AnswerStats other = rejectedStats.get(item);
      out.add(new ModelScores(item.prompt.record().id(), answer, context,
          other == null ? null : PreferenceStats.of(answer, other), embedding));
    }
    return out;
  }

  /** Preference data: no response, a chosen answer (the one scored) and a rejected one. */
  static boolean isPreference(PromptRecord r) {
    return r.response() == null && r.chosen() != null && r.rejected() != null;
  }

  private List<AnswerStats> scoreTargets(List<Target> group) {
    List<PairScores> pairs = scorer.scorePair(aligned.model(), group.stream().map(t -> t.item.prompt.alignedPrompt())
        .toList(), base.model(), group.stream().map(t -> t.item.prompt.basePrompt()).toList(),
        group.stream().map(t -> t.tokens).toList());
    List<Target> defined = group.stream().filter(t -> context.defined(t.tokens.length)).toList();
    Map<Target, TokenScores> direct = new HashMap<>();
    if (!defined.isEmpty()) {
      int bos = base.tokenizer().bosId();
      List<TokenScores> alone = scorer.score(base.model(), defined.stream().map(t -> context.context(t.tokens, bos))
          .toList(), defined.stream().map(t -> context.targets(t.tokens)).toList());
      for (int i = 0; i < defined.size(); i++) {
        direct.put(defined.get(i), alone.get(i));
      }
    }
    List<AnswerStats> out = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      out.add(AnswerStats.of(pairs.get(i), direct.get(group.get(i)), context));
    }
    return out;
  }

  /** Last-token final hidden states of base prompt + answer; null for a zero or non-finite one. */
  private List<float[]> embed(List<Item> group) {
    CausalLm model = base.model();
    try (NDManager scope = model.manager().newSubManager()) {
      List<long[]> sequences = new ArrayList<>();
      for (Item item : group) {
        long[] prompt = item.prompt.basePrompt();
        long[] answer = item.prompt.answer();
        long[] seq = java.util.Arrays.copyOf(prompt, prompt.length + answer.length);
        System.arraycopy(answer, 0, seq, prompt.length, answer.length);
        sequences.add(seq);
      }
      PaddedBatch padded = PaddedBatch.of(sequences, Padding.RIGHT, scope);
      NDArray hidden = model.hidden(padded.ids(), padded.mask(), null);
      long d = hidden.getShape().get(2);
      long[] last = new long[group.size()];
      for (int i = 0; i < last.length; i++) {
        last[i] = (long) i * padded.width() + padded.column(i, sequences.get(i).length - 1);
      }
      float[] values = hidden.reshape(-1, d).get(new NDIndex("{}", scope.create(last, new Shape(last.length))))
          .toType(DataType.FLOAT32, false).toFloatArray();
      List<float[]> out = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        out.add(Embeddings.normalised(values, i * (int) d, (int) d));
      }
      return out;
    }
  }

  private static final class Item {
    final PreparedPrompt prompt;

    Item(PreparedPrompt prompt) {
      this.prompt = prompt;
    }
  }

  private static final class Target {
    final Item item;
    final long[] tokens;
    final boolean rejected;

    Target(Item item, long[] tokens, boolean rejected) {
      this.item = item;
      this.tokens = tokens;
      this.rejected = rejected;
    }

    String key() {
      return item.prompt.record().id() + (rejected ? "/rejected" : "/chosen");
    }
  }
}
