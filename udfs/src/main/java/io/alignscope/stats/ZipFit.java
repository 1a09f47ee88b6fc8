package io.alignscope.stats;

import java.util.List;

/** ZIP-FIT task-fit score: how well a candidate example matches a target set, by compression. */
public final class ZipFit {

  private ZipFit() {}

  /**
   * {@code score(x) = 1 − (1/|T|) Σ_{y∈T} NCD(x, y)} with {@link CompressionDistance#ncd(String,
   * String, int)} at the given level. Higher means a better fit.
   *
   * @param candidate the example x; not null
   * @param targets the target set T; non-empty, no null entries
   * @param level Deflater level 1..9
   * @return the score
   * @throws IllegalArgumentException if {@code targets} is empty or has a null, or as for {@link
   *     CompressionDistance#ncd(String, String, int)}
   */
  public static double score(String candidate, List<String> targets, int level) {
    CompressionDistance.requireLevel(level);
    if (targets == null || targets.isEmpty()) {
      throw new IllegalArgumentException("targets must be non-empty, got " + targets);
    }
    int candidateSize = CompressionDistance.gzipSize(candidate, level);
    double sum = 0.0;
    for (int j = 0; j < targets.size(); j++) {
      if (targets.get(j) == null) {
        throw new IllegalArgumentException("targets[" + j + "] is null");
      }
      sum += CompressionDistance.ncd(candidate, candidateSize, targets.get(j), level);
    }
    return 1.0 - sum / targets.size();
  }
}
