package io.alignscope.lm.infer;

/**
 * Nudging (Fei, Razeghi and Singh 2024): the base model decodes while its top-1 probability is
 * at least {@code gamma}; below it, the aligned model takes over for up to {@code chunk} tokens,
 * its first word always accepted and further words only while the base model stays unsure.
 *
 * @param gamma base-model confidence threshold (0.4 in the paper; 0.3 also used)
 * @param chunk longest aligned run in tokens (16 in the paper)
 */
public record NudgingOptions(double gamma, int chunk) {
  public NudgingOptions {
    if (!(gamma > 0 && gamma < 1) || chunk < 1) {
      throw new IllegalArgumentException("need 0 < gamma < 1 and chunk >= 1, got gamma " + gamma + ", chunk " + chunk);
    }
  }

  /** The paper's defaults: gamma 0.4, chunks of 16 tokens. */
  public static NudgingOptions defaults() {
    return new NudgingOptions(0.4, 16);
  }
}
