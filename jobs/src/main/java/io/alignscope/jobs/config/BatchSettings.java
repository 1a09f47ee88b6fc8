package io.alignscope.jobs.config;

import java.io.Serializable;

/**
 * @param maxTokens tokens (padding included) in one model batch
 * @param maxRows rows in one model batch
 * @param logitChunk positions x vocabulary held at once for per-token statistics
 */
public record BatchSettings(int maxTokens, int maxRows, long logitChunk) implements Serializable {
  static BatchSettings from(ConfigReader r) {
    return new BatchSettings(r.integer("batch.max-tokens", 16, 1 << 24), r.integer("batch.max-rows", 1, 1 << 16),
        r.longValue("batch.logit-chunk", 1024));
  }
}
