package io.alignscope.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rotary position embedding frequencies, including the {@code rope_scaling} variants of
 * config.json that this runtime supports: none/default, {@code linear} and {@code llama3}.
 *
 * @param type "default", "linear" or "llama3"
 * @param factor scaling factor (1 for default)
 * @param lowFreqFactor llama3 only
 * @param highFreqFactor llama3 only
 * @param originalMaxPositions llama3 only: {@code original_max_position_embeddings}
 */
public record RopeScaling(
    String type, double factor, double lowFreqFactor, double highFreqFactor, double originalMaxPositions) {

  /** No scaling. */
  public static final RopeScaling NONE = new RopeScaling("default", 1, 0, 0, 0);

  /** Parses a {@code rope_scaling} node (null or missing means none). */
  public static RopeScaling parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NONE;
    }
    String type = node.hasNonNull("rope_type") ? node.get("rope_type").asText() : node.path("type").asText("default");
    double factor = node.path("factor").asDouble(1.0);
    return switch (type) {
      case "default" -> NONE;
      case "linear" -> new RopeScaling(type, factor, 0, 0, 0);
      case "llama3" -> new RopeScaling(type, factor,
          require(node, "low_freq_factor"), require(node, "high_freq_factor"),
          require(node, "original_max_position_embeddings"));
      default -> throw new CheckpointException("unsupported rope_scaling type '" + type
          + "'; supported: default, linear, llama3");
    };
  }

  private static double require(JsonNode node, String key) {
    if (!node.hasNonNull(key)) {
      throw new CheckpointException("rope_scaling of type llama3 needs '" + key + "'");
    }
    return node.get(key).asDouble();
  }

  /**
   * Inverse frequencies for a head of size {@code headDim}: {@code 1 / theta^(2j/d)}, then scaled.
   */
  public double[] inverseFrequencies(int headDim, double theta) {
    double[] inv = new double[headDim / 2];
    for (int j = 0; j < inv.length; j++) {
      inv[j] = 1.0 / Math.pow(theta, (2.0 * j) / headDim);
    }
    switch (type) {
      case "linear" -> {
        for (int j = 0; j < inv.length; j++) {
          inv[j] /= factor;
        }
      }
      case "llama3" -> scaleLlama3(inv);
      default -> { }
    }
    return inv;
  }

  private void scaleLlama3(double[] inv) {
    double lowFreqWavelen = originalMaxPositions / lowFreqFactor;
    double highFreqWavelen = originalMaxPositions / highFreqFactor;
    for (int j = 0; j < inv.length; j++) {
      double wavelen = 2 * Math.PI / inv[j];
      if (wavelen < highFreqWavelen) {
        continue;
      }
      if (wavelen > lowFreqWavelen) {
        inv[j] /= factor;
      } else {
        double smooth = (originalMaxPositions / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        inv[j] = (1 - smooth) * inv[j] / factor + smooth * inv[j];
      }
    }
  }
}
