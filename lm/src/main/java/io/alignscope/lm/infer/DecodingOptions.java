package io.alignscope.lm.infer;

import java.util.List;

/**
 * How to continue a prompt.
 *
 * @param greedy pick the most likely token (temperature and top-p ignored)
 * @param temperature divides the logits before sampling (> 0)
 * @param topP nucleus mass in (0, 1]; the token crossing the mass is kept
 * @param maxNewTokens upper bound on generated tokens, EOS included
 * @param samplesPerPrompt independent continuations per prompt (1 for greedy)
 * @param seed sampling seed; with the prompt key, sample index and step it fixes every draw
 * @param paperTopK top-K of the paper-compatible truncated entropy (50 in the reference)
 * @param stopStrings generation of a row stops once its decoded text contains one of these
 */
public record DecodingOptions(boolean greedy, double temperature, double topP, int maxNewTokens,
    int samplesPerPrompt, long seed, int paperTopK, List<String> stopStrings) {

  public DecodingOptions {
    stopStrings = List.copyOf(stopStrings);
    if (!(temperature > 0) || !(topP > 0) || topP > 1) {
      throw new IllegalArgumentException("need temperature > 0 and 0 < top-p <= 1, got temperature "
          + temperature + ", top-p " + topP);
    }
    if (maxNewTokens < 1 || samplesPerPrompt < 1 || paperTopK < 1) {
      throw new IllegalArgumentException("maxNewTokens, samplesPerPrompt and paperTopK must be positive: "
          + maxNewTokens + ", " + samplesPerPrompt + ", " + paperTopK);
    }
    if (greedy && samplesPerPrompt != 1) {
      throw new IllegalArgumentException("greedy decoding makes one continuation per prompt, not " + samplesPerPrompt);
    }
  }

  /** Greedy decoding of up to {@code maxNewTokens}. */
  public static DecodingOptions greedy(int maxNewTokens, List<String> stopStrings) {
    return new DecodingOptions(true, 1.0, 1.0, maxNewTokens, 1, 0, 50, stopStrings);
  }

  /** Seeded sampling with the branching-factor defaults of the paper: T = 1, top-p 0.9, top-K 50. */
  public static DecodingOptions sampling(int samples, int maxNewTokens, long seed) {
    return new DecodingOptions(false, 1.0, 0.9, maxNewTokens, samples, seed, 50, List.of());
  }
}
