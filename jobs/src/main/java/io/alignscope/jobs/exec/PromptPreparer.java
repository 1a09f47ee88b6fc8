package io.alignscope.jobs.exec;

import io.alignscope.jobs.config.TokenLimits;
import io.alignscope.jobs.models.LoadedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenises records for a model pair and enforces the token limits: an over-long prompt or answer
 * becomes a {@link StageReject}, never a silently truncated input.
 */
public final class PromptPreparer {
  /** Reasons a model stage refuses a row. */
  public static final String PROMPT_TOO_MANY_TOKENS = "prompt-too-many-tokens";
  public static final String RESPONSE_TOO_MANY_TOKENS = "response-too-many-tokens";
  public static final String TEMPLATE_FAILED = "template-failed";
  public static final String EMPTY_ANSWER = "empty-answer";

  private final LoadedModel base;
  private final LoadedModel aligned;
  private final TokenLimits limits;

  public PromptPreparer(LoadedModel base, LoadedModel aligned, TokenLimits limits) {
    this.base = base;
    this.aligned = aligned;
    this.limits = limits;
  }

  /** Prepared prompts and rejects of a partition, in input order. */
  public record Outcome(List<PreparedPrompt> prepared, List<StageReject> rejects) {}

  /**
   * @param withAnswer tokenise {@link PromptRecord#answer()} too
   */
  public Outcome prepare(List<PromptRecord> records, boolean withAnswer) {
    List<PreparedPrompt> prepared = new ArrayList<>();
    List<StageReject> rejects = new ArrayList<>();
    for (PromptRecord r : records) {
      long[] basePrompt;
      long[] alignedPrompt;
      try {
        basePrompt = base.format().promptIds(r.conversation());
        alignedPrompt = aligned.format().promptIds(r.conversation());
      } catch (RuntimeException e) {
        rejects.add(new StageReject(r, TEMPLATE_FAILED, "prompt format failed: " + e.getMessage()));
        continue;
      }
      int longest = Math.max(basePrompt.length, alignedPrompt.length);
      if (longest > limits.maxPromptTokens()) {
        rejects.add(new StageReject(r, PROMPT_TOO_MANY_TOKENS, "prompt has " + longest
            + " tokens (base " + basePrompt.length + ", aligned " + alignedPrompt.length + "), limit "
            + limits.maxPromptTokens()));
        continue;
      }
      long[] answer = null;
      if (withAnswer && r.answer() != null) {
        answer = aligned.tokenizer().encode(r.answer());
        if (answer.length > limits.maxResponseTokens()) {
          rejects.add(new StageReject(r, RESPONSE_TOO_MANY_TOKENS, "response has " + answer.length
              + " tokens, limit " + limits.maxResponseTokens()));
          continue;
        }
        if (answer.length == 0) {
          rejects.add(new StageReject(r, EMPTY_ANSWER, "the response has no tokens"));
          continue;
        }
      }
      prepared.add(new PreparedPrompt(r, basePrompt, alignedPrompt, answer));
    }
    return new Outcome(prepared, rejects);
  }
}
