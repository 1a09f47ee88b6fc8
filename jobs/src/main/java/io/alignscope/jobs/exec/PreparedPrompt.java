package io.alignscope.jobs.exec;

/**
 * A record with its token ids in both models' prompt formats.
 *
 * @param record the corpus row
 * @param basePrompt prompt ids in the base model's format (BOS included where expected)
 * @param alignedPrompt prompt ids in the aligned model's format
 * @param answer the given answer's ids (no special tokens added), or null when there is none
 */
public record PreparedPrompt(PromptRecord record, long[] basePrompt, long[] alignedPrompt, long[] answer) {

  /** The longer of the two prompts. */
  public int promptTokens() {
    return Math.max(basePrompt.length, alignedPrompt.length);
  }

  /** Prompt plus answer tokens of the longer side. */
  public int scoredTokens() {
    return promptTokens() + (answer == null ? 0 : answer.length);
  }
}
