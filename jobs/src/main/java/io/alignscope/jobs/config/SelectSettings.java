package io.alignscope.jobs.config;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * Data selection; see METHODS.md section 4.
 *
 * @param budget a row count (>= 1, whole) or a fraction of the accepted corpus (< 1)
 * @param strategy ranking strategy
 * @param score the score of the top-k strategy
 * @param weights weights of the weighted and stratified strategies
 * @param seed seed of the random strategy and of sampling for fits
 * @param dropIfdAboveOne drop rows with IFD > 1
 * @param dedupEnabled near-duplicate removal with MinHash LSH
 * @param dedupThreshold Jaccard similarity above which rows are near-duplicates
 * @param dedupHashTables MinHash hash tables
 * @param diversityEnabled DEITA diversity filter
 * @param cosineThreshold DEITA's cosine threshold
 * @param diversityCandidateFactor each partition of the distributed DEITA walk first keeps up to
 *     factor x budget / partitions candidates per stratum (more, in further rounds, when needed)
 * @param centerEmbeddings subtract the mean embedding (and renormalise) before ISA and DEITA
 * @param isaPcaDimensions principal components before the Gaussian mixture
 * @param isaComponents mixture components
 * @param isaOrder ISA ranking direction
 * @param isaFitSample rows used to fit the mixture (0 = all)
 * @param zipfitTarget target corpus for ZIP-FIT ("" = none)
 * @param zipfitLevel gzip level 1..9
 * @param zipfitTargetSample target examples compared with each row
 */
public record SelectSettings(double budget, SelectionStrategy strategy, SelectionScore score,
    Map<SelectionScore, Double> weights, long seed, boolean dropIfdAboveOne, boolean dedupEnabled,
    double dedupThreshold, int dedupHashTables, boolean diversityEnabled, double cosineThreshold,
    double diversityCandidateFactor, boolean centerEmbeddings, int isaPcaDimensions, int isaComponents,
    IsaOrder isaOrder, int isaFitSample, String zipfitTarget, int zipfitLevel, int zipfitTargetSample)
    implements Serializable {

  static SelectSettings from(ConfigReader r) {
    double budget = r.decimal("select.budget", 0, Double.MAX_VALUE, true);
    r.check("select.budget", budget, budget < 1 || budget == Math.rint(budget),
        "must be a fraction below 1 or a whole row count");
    Map<SelectionScore, Double> weights = new EnumMap<>(SelectionScore.class);
    for (SelectionScore s : SelectionScore.values()) {
      weights.put(s, r.decimal("select.weights." + s.configName(), -1e6, 1e6, false));
    }
    String target = r.string("select.zipfit.target");
    SelectionStrategy strategy = r.choice("select.strategy", SelectionStrategy.class);
    SelectionScore score = r.choice("select.score", SelectionScore.class);
    if (target.isBlank()) {
      r.check("select.weights.zipfit", weights.get(SelectionScore.ZIPFIT), weights.get(SelectionScore.ZIPFIT) == 0,
          "needs select.zipfit.target (a corpus of target-task examples)");
      r.check("select.score", "zipfit", !(strategy == SelectionStrategy.TOP_K && score == SelectionScore.ZIPFIT),
          "needs select.zipfit.target");
    }
    return new SelectSettings(budget, strategy, score, weights, r.longValue("select.seed", Long.MIN_VALUE),
        r.bool("select.drop-ifd-above-one"), r.bool("select.dedup.enabled"),
        r.decimal("select.dedup.threshold", 0, 1, true), r.integer("select.dedup.hash-tables", 1, 256),
        r.bool("select.diversity.enabled"), r.decimal("select.diversity.cosine-threshold", -1, 1, false),
        r.decimal("select.diversity.candidate-factor", 1, 1e6, false), r.bool("select.center-embeddings"),
        r.integer("select.isa.pca-dimensions", 1, 4096), r.integer("select.isa.components", 1, 64),
        r.choice("select.isa.order", IsaOrder.class), r.integer("select.isa.fit-sample", 0, Integer.MAX_VALUE),
        target, r.integer("select.zipfit.level", 1, 9), r.integer("select.zipfit.target-sample", 1, 100_000));
  }

  /** The number of rows to select from {@code accepted} rows: a count, or floor(fraction x rows). */
  public long budgetRows(long accepted) {
    long rows = budget < 1 ? (long) Math.floor(budget * accepted) : (long) budget;
    return Math.min(rows, accepted);
  }
}
