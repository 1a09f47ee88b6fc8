package io.alignscope.jobs.config;

import java.io.Serializable;

/**
 * @param answers where answers come from
 * @param maxNewTokens longest generated answer
 * @param positionBins relative-position bins
 * @param positionLimit absolute positions reported
 * @param topTokens rows of the most-shifted-tokens table
 */
public record ShiftSettings(AnswerSource answers, int maxNewTokens, int positionBins, int positionLimit, int topTokens)
    implements Serializable {
  static ShiftSettings from(ConfigReader r) {
    return new ShiftSettings(r.choice("shift.answers", AnswerSource.class), r.integer("shift.max-new-tokens", 1, 1 << 16),
        r.integer("shift.position-bins", 1, 1000), r.integer("shift.position-limit", 1, 1 << 16),
        r.integer("shift.top-tokens", 1, 100_000));
  }
}
