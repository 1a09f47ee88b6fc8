package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.jobs.config.SelectionStrategy;
import io.alignscope.jobs.ingest.CanonicalSchema;
import io.alignscope.jobs.select.SelectionReasons.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Everything after the model pass, on Spark without models: joins the model scores to the corpus,
 * adds the text scores ({@link TextScores}), ISA ({@link IsaScores}) and near-duplicates ({@link
 * NearDuplicates}); drops IFD &gt; 1 (if configured) and near-duplicates; ranks the rest ({@link
 * Ranking}); splits the budget over sources for the stratified strategy ({@link BudgetSplit}); and
 * selects ({@link DiversitySelection}). The result is the {@code select/scored} table.
 *
 * <p>Near-duplicates are found among all scored rows, so a row whose smaller-id twin has IFD &gt; 1
 * is still a near-duplicate; a row that is both is reported as {@code ifd-above-one} (that filter
 * comes first). Rows with an undefined IFD are not dropped by the IFD filter.
 */
public final class Selector {
  public static final String ELIGIBLE = "eligible";
  public static final String SELECTED = "selected";
  public static final String STATUS = DiversitySelection.STATUS;
  public static final String BECAUSE = "selected_because";
  public static final String QUOTA = "quota";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Selector.class);

  private Selector() {}

  private static long lap(String step, long since) {
    long now = System.nanoTime();
    LOG.info("select: {} in {} s", step, String.format("%.1f", (now - since) / 1e9));
    return now;
  }

  /**
   * The outcome.
   *
   * @param scored every scored row with its scores, dedup result, rank and selection (persisted;
   *     call {@link #release()} when written)
   * @param plan the ranking
   * @param budget rows asked for
   * @param scoredRows rows with model scores
   * @param droppedIfd rows dropped for IFD &gt; 1
   * @param nearDuplicates rows dropped as near-duplicates
   * @param eligible rows ranked
   * @param quotas rows asked per stratum
   * @param isa the ISA fit
   * @param diversity the selection walk
   * @param persisted intermediate datasets held in memory until {@link #release()}
   */
  public record Outcome(Dataset<Row> scored, RankingPlan plan, long budget, long scoredRows, long droppedIfd,
      long nearDuplicates, long eligible, Map<String, Long> quotas, IsaScores.Fit isa,
      DiversitySelection.Result diversity, List<Dataset<Row>> persisted) {

    /** Rows selected. */
    public long selected() {
      return diversity.selected();
    }

    /** Rows short of the budget. */
    public long shortfall() {
      return budget - diversity.selected();
    }

    /** Unpersists the intermediate data. */
    public void release() {
      persisted.forEach(Dataset::unpersist);
    }
  }

  /**
   * @param corpus accepted canonical rows
   * @param modelScores the model pass's table ({@link ModelScoreSchema})
   * @param settings selection settings
   * @param budget rows to select ({@link SelectSettings#budgetRows})
   * @param partitions partitions of the distributed diversity walk
   */
  public static Outcome select(SparkSession spark, Dataset<Row> corpus, Dataset<Row> modelScores,
      SelectSettings settings, long budget, int partitions) {
    RankingPlan plan = RankingPlan.of(settings);
    List<Dataset<Row>> persisted = new ArrayList<>();
    Dataset<Row> model = (settings.centerEmbeddings()
        ? EmbeddingCentring.centre(modelScores, EmbeddingCentring.mean(modelScores)) : modelScores)
        .persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(model);
    long t = System.nanoTime();
    long scoredRows = model.count();
    IsaScores.Result isa = IsaScores.add(model.select(CanonicalSchema.ID, ModelScoreSchema.EMBEDDING), scoredRows,
        settings);
    t = lap("ISA", t);
    Dataset<Row> inputs = corpus.select(col(CanonicalSchema.ID), col(CanonicalSchema.PROMPT),
        col(CanonicalSchema.RESPONSE), col(CanonicalSchema.SOURCE), col(CanonicalSchema.CHOSEN),
        col(CanonicalSchema.REJECTED));
    Dataset<Row> rows = inputs.join(model, CanonicalSchema.ID)
        .join(isa.rows().select(CanonicalSchema.ID, IsaScores.LOG_LIKELIHOOD, IsaScores.ISA), CanonicalSchema.ID);
    rows = TextScores.add(spark, rows, settings);
    rows = settings.dedupEnabled()
        ? NearDuplicates.mark(rows, TextScores.exampleText(), settings.dedupThreshold(), settings.dedupHashTables(),
            settings.seed())
        : NearDuplicates.none(rows);
    Column drop = when(lit(settings.dropIfdAboveOne()).and(col(ModelScoreSchema.IFD).gt(1.0)),
        lit(Status.IFD_ABOVE_ONE.label()))
        .when(col(NearDuplicates.DUPLICATE_OF).isNotNull(), lit(Status.NEAR_DUPLICATE.label()));
    Dataset<Row> features = rows.withColumn("_drop", drop).withColumn(ELIGIBLE, col("_drop").isNull())
        .withColumn(Ranking.STRATUM, Ranking.stratum(settings.strategy()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(features);
    t = lap("text scores, dedup, features", t);
    long droppedIfd = features.filter(col("_drop").equalTo(Status.IFD_ABOVE_ONE.label())).count();
    long duplicates = features.filter(col("_drop").equalTo(Status.NEAR_DUPLICATE.label())).count();

    t = lap("filters", t);
    Dataset<Row> pool = features.filter(col(ELIGIBLE)).drop("_drop", ELIGIBLE, Ranking.STRATUM);
    Dataset<Row> ranked = Ranking.rank(pool, plan).persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(ranked);
    long eligible = ranked.count();
    t = lap("ranking", t);
    Map<String, Long> quotas = quotas(features, ranked, settings.strategy(), budget);

    DiversitySelection.Result chosen = DiversitySelection.select(spark, ranked, quotas, settings.diversityEnabled(),
        settings.cosineThreshold(), partitions, settings.diversityCandidateFactor());

    t = lap("selection", t);
    Dataset<Row> rankColumns = ranked.select(col(CanonicalSchema.ID), col(Ranking.RANK_VALUE), col(Ranking.RANK),
        col(Ranking.RANK_OF), col(Ranking.STRATUM_RANK), col(Ranking.STRATUM_SIZE), col(Ranking.WALK));
    List<Row> quotaRows = new ArrayList<>();
    quotas.forEach((s, q) -> quotaRows.add(org.apache.spark.sql.RowFactory.create(s, q)));
    Dataset<Row> quotaTable = spark.createDataFrame(quotaRows, new org.apache.spark.sql.types.StructType()
        .add(Ranking.STRATUM, DataTypes.StringType, false).add(QUOTA, DataTypes.LongType, false));
    Dataset<Row> scored = features.join(rankColumns, CanonicalSchema.ID, "left")
        .join(chosen.decisions(), CanonicalSchema.ID, "left")
        .join(functions.broadcast(quotaTable), Ranking.STRATUM, "left")
        .withColumn(STATUS, functions.coalesce(col("_drop"), col(DiversitySelection.STATUS)))
        .withColumn(SELECTED, col(STATUS).equalTo(Status.SELECTED.label()))
        .drop("_drop");
    scored = scored.withColumn(BECAUSE, because(plan, settings, budget).apply(struct(
        col(STATUS), col(Ranking.RANK), col(Ranking.RANK_OF),
        settings.strategy() == SelectionStrategy.STRATIFIED ? col(Ranking.STRATUM) : lit(null).cast("string"),
        col(Ranking.STRATUM_RANK), col(Ranking.STRATUM_SIZE), col(QUOTA), col(DiversitySelection.SIMILAR_TO),
        col(DiversitySelection.SIMILARITY), col(DiversitySelection.FILTERED_IN),
        col(DiversitySelection.BEYOND_QUOTA), col(NearDuplicates.DUPLICATE_OF), col(NearDuplicates.DUPLICATE_SIMILARITY),
        col(ModelScoreSchema.IFD))));
    Dataset<Row> out = scored.select(ScoredColumns.columns()).persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(out);
    lap("assembly", t);
    return new Outcome(out, plan, budget, scoredRows, droppedIfd, duplicates, eligible, quotas, isa.fit(), chosen,
        persisted);
  }

  /** Rows asked per stratum: the whole budget for one stratum, or {@link BudgetSplit} by source. */
  static Map<String, Long> quotas(Dataset<Row> features, Dataset<Row> ranked, SelectionStrategy strategy,
      long budget) {
    Map<String, Long> capacities = counts(ranked);
    if (strategy != SelectionStrategy.STRATIFIED) {
      Map<String, Long> one = new TreeMap<>();
      one.put(Ranking.ALL, Math.min(budget, capacities.getOrDefault(Ranking.ALL, 0L)));
      return one;
    }
    return BudgetSplit.split(counts(features), capacities, budget);
  }

  private static Map<String, Long> counts(Dataset<Row> rows) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : rows.groupBy(Ranking.STRATUM).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  private static UserDefinedFunction because(RankingPlan plan, SelectSettings s, long budget) {
    String strategy = plan.describe();
    boolean diversity = s.diversityEnabled();
    double tau = s.cosineThreshold();
    double jaccard = s.dedupThreshold();
    return functions.udf((UDF1<Row, String>) r -> SelectionReasons.explain(new SelectionReasons.Facts(
        Status.of(r.getString(0)), (Long) r.get(1), (Long) r.get(2), r.getString(3), (Long) r.get(4),
        (Long) r.get(5), (Long) r.get(6), r.getString(7), (Double) r.get(8), r.getString(9),
        !r.isNullAt(10) && r.getBoolean(10), r.getString(11), (Double) r.get(12), (Double) r.get(13)),
        strategy, diversity, tau, jaccard, budget), DataTypes.StringType);
  }
}
