package io.alignscope.jobs.select;

import io.alignscope.jobs.config.ConfigException;
import io.alignscope.jobs.config.IsaOrder;
import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.jobs.config.SelectionScore;
import io.alignscope.jobs.config.SelectionStrategy;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How the configured strategy orders rows, independent of Spark.
 *
 * <ul>
 *   <li>top-k: by one score, highest first, except ISA which follows {@code select.isa.order}
 *       (atypical-first = lowest ΔH first);
 *   <li>weighted: by {@code Σ_s w_s · r_s}, highest first, where {@code r_s ∈ [0, 1]} is the percent
 *       rank of score s among the eligible rows ({@code (#rows with a smaller value)/(n − 1)}; ties
 *       share the lower rank); a negative weight therefore prefers low values. ISA's percent rank
 *       is taken in its configured direction (atypical-first: low ΔH ranks high). A row without a
 *       value of a weighted score (IFD undefined) gets the neutral 0.5 for it;
 *   <li>stratified: the weighted order within each source;
 *   <li>random: by {@link SeededOrder#key(long, String)} with the seed.
 * </ul>
 * Every order breaks ties by id, so it is total and reproducible.
 *
 * @param strategy the strategy
 * @param score the top-k score
 * @param weights the non-zero weights of the weighted and stratified strategies, in score order
 * @param isaOrder ISA's direction
 * @param seed the random strategy's seed
 */
public record RankingPlan(SelectionStrategy strategy, SelectionScore score, Map<SelectionScore, Double> weights,
    IsaOrder isaOrder, long seed) implements Serializable {

  /** The neutral percent rank of a missing score value. */
  public static final double MISSING_PERCENT_RANK = 0.5;

  /** The plan of the settings; fails fast on a weighted strategy whose weights are all 0. */
  public static RankingPlan of(SelectSettings s) {
    Map<SelectionScore, Double> weights = new EnumMap<>(SelectionScore.class);
    s.weights().forEach((score, w) -> {
      if (w != 0) {
        weights.put(score, w);
      }
    });
    boolean weighted = s.strategy() == SelectionStrategy.WEIGHTED || s.strategy() == SelectionStrategy.STRATIFIED;
    if (weighted && weights.isEmpty()) {
      throw new ConfigException("select.weights are all 0; the " + s.strategy().name().toLowerCase()
          + " strategy needs at least one non-zero weight");
    }
    return new RankingPlan(s.strategy(), s.score(), weights, s.isaOrder(), s.seed());
  }

  /** Whether the strategy uses the weighted combination. */
  public boolean weighted() {
    return strategy == SelectionStrategy.WEIGHTED || strategy == SelectionStrategy.STRATIFIED;
  }

  /** Whether higher values of {@code s} come first (for a positive weight). */
  public boolean prefersHigh(SelectionScore s) {
    return s != SelectionScore.ISA || isaOrder == IsaOrder.TYPICAL_FIRST;
  }

  /** The scores this plan reads. */
  public java.util.Set<SelectionScore> scoresUsed() {
    return switch (strategy) {
      case TOP_K -> java.util.EnumSet.of(score);
      case WEIGHTED, STRATIFIED -> java.util.EnumSet.copyOf(weights.isEmpty()
          ? java.util.EnumSet.noneOf(SelectionScore.class) : weights.keySet());
      case RANDOM -> java.util.EnumSet.noneOf(SelectionScore.class);
    };
  }

  /** E.g. "weighted(ifd=1, shift_density=1, isa=1 atypical-first)" or "top-k(ifd, highest first)". */
  public String describe() {
    return switch (strategy) {
      case TOP_K -> "top-k(" + score.column() + ", " + (prefersHigh(score) ? "highest" : "lowest") + " first"
          + (score == SelectionScore.ISA ? ", " + isaName() : "") + ")";
      case WEIGHTED -> "weighted(" + weightList() + ")";
      case STRATIFIED -> "stratified by source, weighted(" + weightList() + ")";
      case RANDOM -> "random(seed=" + seed + ")";
    };
  }

  private String weightList() {
    StringJoiner j = new StringJoiner(", ");
    weights.forEach((s, w) -> j.add(s.column() + "=" + number(w) + (s == SelectionScore.ISA ? " " + isaName() : "")));
    return j.toString();
  }

  private String isaName() {
    return isaOrder.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** 1.0 → "1", 0.25 → "0.25". */
  static String number(double w) {
    return w == Math.rint(w) && Math.abs(w) < 1e15 ? Long.toString((long) w) : Double.toString(w);
  }
}
