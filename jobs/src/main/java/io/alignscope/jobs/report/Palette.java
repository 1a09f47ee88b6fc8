package io.alignscope.jobs.report;

import java.util.List;
import java.util.Locale;

/** The page's colours (Tableau 10), fixed per meaning so every chart reads the same way. */
final class Palette {
  static final String BASE = "#4e79a7";
  static final String ALIGNED = "#f28e2b";
  static final String NUDGED = "#59a14f";
  static final String UNSHIFTED = "#59a14f";
  static final String MARGINAL = "#edc948";
  static final String SHIFTED = "#e15759";
  static final String KL = "#b07aa1";
  static final String KEPT = "#4e79a7";
  static final String REST = "#bab0ac";
  static final String REFERENCE = "#9c755f";
  private static final List<String> OTHERS = List.of("#76b7b2", "#ff9da7", "#9c755f", "#b07aa1", "#edc948");

  private Palette() {}

  /** The colour of a model name in BF and nudging charts. */
  static String model(String model) {
    return switch (model.toLowerCase(Locale.ROOT)) {
      case "base" -> BASE;
      case "aligned" -> ALIGNED;
      case "nudged" -> NUDGED;
      default -> OTHERS.get(Math.floorMod(model.hashCode(), OTHERS.size()));
    };
  }
}
