package io.alignscope.jobs.config;

import java.io.Serializable;

/**
 * Token-count limits checked on the executors, where the tokenizers are.
 *
 * @param maxPromptTokens longest prompt in either model's format
 * @param maxResponseTokens longest given response
 */
public record TokenLimits(int maxPromptTokens, int maxResponseTokens) implements Serializable {
  static TokenLimits from(ConfigReader r) {
    return new TokenLimits(r.integer("corpus.max-prompt-tokens", 1, 1 << 20),
        r.integer("corpus.max-response-tokens", 1, 1 << 20));
  }
}
