package io.alignscope.jobs.config;

import java.io.Serializable;

/**
 * @param gamma base-model confidence threshold
 * @param chunk longest aligned run in tokens
 * @param maxNewTokens tokens per nudged output
 */
public record NudgeSettings(double gamma, int chunk, int maxNewTokens) implements Serializable {
  static NudgeSettings from(ConfigReader r) {
    double gamma = r.decimal("nudge.gamma", 0, 1, true);
    r.check("nudge.gamma", gamma, gamma < 1, "must be below 1");
    return new NudgeSettings(gamma, r.integer("nudge.chunk", 1, 4096), r.integer("nudge.max-new-tokens", 1, 1 << 16));
  }
}
