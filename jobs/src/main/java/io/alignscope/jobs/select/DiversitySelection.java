package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.alignscope.jobs.ingest.CanonicalSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the subset from ranked rows: the first rows of each stratum's quota in walk order, or,
 * with the diversity filter on, DEITA's greedy filter distributed as {@link DiversityMerge}
 * describes (per-partition walks on the executors, the exact final walk on the driver, repeated
 * with 4x larger caps while the final walk needs rows a partition did not keep).
 *
 * <p>The result has one row per ranked row: {@code id}, {@code selection_status} ("selected",
 * "diversity-filtered" or "not-reached"), {@code selection_order} (1-based, selected rows),
 * {@code similar_to} and {@code similarity} (for selected rows: the closest row selected before
 * it; for filtered rows: the row it was too similar to), {@code filtered_in} ("partition" or
 * "final" for filtered rows) and {@code beyond_quota}.
 */
public final class DiversitySelection {
  private static final Logger LOG = LoggerFactory.getLogger(DiversitySelection.class);
  public static final String STATUS = "selection_status";
  public static final String ORDER = "selection_order";
  public static final String SIMILAR_TO = "similar_to";
  public static final String SIMILARITY = "similarity";
  public static final String FILTERED_IN = "filtered_in";
  public static final String BEYOND_QUOTA = "beyond_quota";
  public static final String SELECTED = "selected";
  public static final String FILTERED = "diversity-filtered";
  public static final String NOT_REACHED = "not-reached";
  /** Cap growth per extra round. */
  static final int GROWTH = 4;

  static final StructType RESULT = new StructType()
      .add(CanonicalSchema.ID, DataTypes.StringType, false)
      .add(STATUS, DataTypes.StringType, false)
      .add(ORDER, DataTypes.IntegerType)
      .add(SIMILAR_TO, DataTypes.StringType)
      .add(SIMILARITY, DataTypes.DoubleType)
      .add(FILTERED_IN, DataTypes.StringType)
      .add(BEYOND_QUOTA, DataTypes.BooleanType, false);

  private static final StructType WALKED = new StructType()
      .add(CanonicalSchema.ID, DataTypes.StringType, false)
      .add(Ranking.STRATUM, DataTypes.StringType, false)
      .add(Ranking.WALK, DataTypes.LongType, false)
      .add("outcome", DataTypes.StringType, false)
      .add(SIMILAR_TO, DataTypes.StringType)
      .add(SIMILARITY, DataTypes.DoubleType)
      .add(ModelScoreSchema.EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false));

  private DiversitySelection() {}

  /** A walk candidate from a row of (id, stratum, walk position, embedding). */
  private static DiversityMerge.Candidate candidate(Row r) {
    return new DiversityMerge.Candidate(r.getString(0), r.getString(1), r.getLong(2),
        Embeddings.fromList(r.getList(3)));
  }

  /**
   * What was selected and how.
   *
   * @param decisions one row per ranked row ({@link #RESULT} schema)
   * @param selected rows selected
   * @param shortfall rows short of Σ quotas (the final walk ran out of diverse candidates)
   * @param rounds partition walks run (0 without the diversity filter)
   * @param candidates candidates that reached the final walk in the last round
   * @param filteredInPartitions rows refused by their partition's walk
   * @param filteredInMerge candidates refused by the final walk
   * @param exact whether the last round's final walk could not have needed rows a partition left
   *     unwalked (always true when no cap was reached)
   */
  public record Result(Dataset<Row> decisions, long selected, long shortfall, int rounds, long candidates,
      long filteredInPartitions, long filteredInMerge, boolean exact) {}

  /**
   * @param ranked rows from {@link Ranking#rank} (id, stratum, stratum_rank, walk_position, embedding)
   * @param quotas rows per stratum
   * @param diversity whether DEITA's filter is on
   * @param threshold τ
   * @param partitions partitions of the distributed walk
   * @param candidateFactor first-round cap = ceil(factor × quota / partitions) per stratum
   */
  public static Result select(SparkSession spark, Dataset<Row> ranked, Map<String, Long> quotas, boolean diversity,
      double threshold, int partitions, double candidateFactor) {
    if (!diversity) {
      return byQuota(spark, ranked, quotas);
    }
    Dataset<Row> prepared = ranked.select(col(CanonicalSchema.ID), col(Ranking.STRATUM), col(Ranking.WALK),
            col(ModelScoreSchema.EMBEDDING))
        .repartition(partitions, col(CanonicalSchema.ID)).sortWithinPartitions(col(Ranking.WALK))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long largestStratum = 0;
      for (Row r : ranked.groupBy(Ranking.STRATUM).count().collectAsList()) {
        largestStratum = Math.max(largestStratum, r.getLong(1));
      }
      int round = 0;
      while (true) {
        double growth = Math.pow(GROWTH, round);
        Map<String, Integer> caps = new HashMap<>();
        boolean capsCoverAll = true;
        for (Map.Entry<String, Long> q : quotas.entrySet()) {
          double cap = Math.ceil(candidateFactor * growth * q.getValue() / partitions);
          int c = (int) Math.min(Integer.MAX_VALUE, Math.max(q.getValue() > 0 ? 1 : 0, cap));
          caps.put(q.getKey(), c);
          capsCoverAll &= c >= largestStratum;
        }
        Dataset<Row> walked = prepared.mapPartitions(new PartitionWalk(threshold, caps), Encoders.row(WALKED))
            .persist(StorageLevel.MEMORY_AND_DISK());
        List<DiversityMerge.Candidate> candidates = new ArrayList<>();
        for (Row r : walked.filter(col("outcome").equalTo(DiversityMerge.Outcome.ACCEPTED.name()))
            .select(CanonicalSchema.ID, Ranking.STRATUM, Ranking.WALK, ModelScoreSchema.EMBEDDING).collectAsList()) {
          candidates.add(candidate(r));
        }
        Row h = walked.filter(col("outcome").equalTo(DiversityMerge.Outcome.NOT_REACHED.name()))
            .agg(min(col(Ranking.WALK))).first();
        long horizon = h.isNullAt(0) ? DiversityMerge.NO_HORIZON : h.getLong(0);
        DiversityMerge.MergeResult merged = DiversityMerge.merge(candidates, threshold, quotas, horizon);
        round++;
        LOG.info("diversity round {}: caps {}, {} candidates, horizon {}, {} selected, exact {}", round, caps,
            candidates.size(), horizon == DiversityMerge.NO_HORIZON ? "none" : horizon, merged.selected().size(),
            merged.exact());
        if (merged.exact() || capsCoverAll) {
          Result result = assemble(spark, ranked, walked, merged, round, candidates.size());
          walked.unpersist();
          return result;
        }
        walked.unpersist();
      }
    } finally {
      prepared.unpersist();
    }
  }

  private static Result assemble(SparkSession spark, Dataset<Row> ranked, Dataset<Row> walked,
      DiversityMerge.MergeResult merged, int rounds, long candidates) {
    List<Row> fin = new ArrayList<>();
    for (DiversityMerge.Selected s : merged.selected()) {
      fin.add(RowFactory.create(s.candidate().id(), SELECTED, s.order(), s.closestId(),
          Double.isNaN(s.maxCosine()) ? null : s.maxCosine(), null, s.beyondQuota()));
    }
    for (DiversityMerge.Clash c : merged.clashes()) {
      fin.add(RowFactory.create(c.candidate().id(), FILTERED, null, c.similarTo(), c.cosine(), "final", false));
    }
    Dataset<Row> finalWalk = spark.createDataFrame(fin, RESULT);
    Dataset<Row> partitionFiltered = walked.filter(col("outcome").equalTo(DiversityMerge.Outcome.TOO_SIMILAR.name()))
        .select(col(CanonicalSchema.ID), lit(FILTERED).as(STATUS), lit(null).cast(DataTypes.IntegerType).as(ORDER),
            col(SIMILAR_TO), col(SIMILARITY), lit("partition").as(FILTERED_IN), lit(false).as(BEYOND_QUOTA));
    long inPartitions = partitionFiltered.count();
    Dataset<Row> decided = finalWalk.unionByName(partitionFiltered);
    Dataset<Row> all = ranked.select(col(CanonicalSchema.ID)).join(decided, CanonicalSchema.ID, "left")
        .na().fill(NOT_REACHED, new String[] {STATUS}).na().fill(false, new String[] {BEYOND_QUOTA});
    return new Result(all.select(fieldColumns()), merged.selected().size(), merged.shortfall(), rounds, candidates,
        inPartitions, merged.clashes().size(), merged.exact());
  }

  /** Without the diversity filter: the first {@code quota} rows of each stratum by stratum rank. */
  private static Result byQuota(SparkSession spark, Dataset<Row> ranked, Map<String, Long> quotas) {
    List<Row> quotaRows = new ArrayList<>();
    quotas.forEach((s, q) -> quotaRows.add(RowFactory.create(s, q)));
    Dataset<Row> quotaTable = spark.createDataFrame(quotaRows, new StructType()
        .add(Ranking.STRATUM, DataTypes.StringType, false).add("_quota", DataTypes.LongType, false));
    Dataset<Row> picked = ranked.join(org.apache.spark.sql.functions.broadcast(quotaTable), Ranking.STRATUM, "left")
        .withColumn("_in", col(Ranking.STRATUM_RANK).leq(org.apache.spark.sql.functions.coalesce(col("_quota"),
            lit(0L))));
    List<Row> chosen = picked.filter(col("_in")).select(CanonicalSchema.ID, Ranking.WALK)
        .orderBy(col(Ranking.WALK)).collectAsList();
    List<Row> fin = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      fin.add(RowFactory.create(chosen.get(i).getString(0), SELECTED, i + 1, null, null, null, false));
    }
    Dataset<Row> all = ranked.select(col(CanonicalSchema.ID)).join(spark.createDataFrame(fin, RESULT),
            CanonicalSchema.ID, "left")
        .na().fill(NOT_REACHED, new String[] {STATUS}).na().fill(false, new String[] {BEYOND_QUOTA});
    long budget = quotas.values().stream().mapToLong(Long::longValue).sum();
    return new Result(all.select(fieldColumns()), chosen.size(), budget - chosen.size(), 0, 0, 0, 0, true);
  }

  private static org.apache.spark.sql.Column[] fieldColumns() {
    String[] names = RESULT.fieldNames();
    org.apache.spark.sql.Column[] columns = new org.apache.spark.sql.Column[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = col(names[i]);
    }
    return columns;
  }

  /** The executor side: {@link DiversityMerge#walkPartition} over a partition sorted by walk position. */
  static final class PartitionWalk implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final double threshold;
    private final HashMap<String, Integer> caps;

    PartitionWalk(double threshold, Map<String, Integer> caps) {
      this.threshold = threshold;
      this.caps = new HashMap<>(caps);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Iterator<DiversityMerge.Candidate> candidates = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public DiversityMerge.Candidate next() {
          return candidate(rows.next());
        }
      };
      DiversityMerge.PartitionWalker walker = new DiversityMerge.PartitionWalker(threshold, caps);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return candidates.hasNext();
        }

        @Override
        public Row next() {
          DiversityMerge.Decision d = walker.decide(candidates.next());
          DiversityMerge.Candidate c = d.candidate();
          boolean kept = d.outcome() == DiversityMerge.Outcome.ACCEPTED;
          return RowFactory.create(c.id(), c.stratum(), c.position(), d.outcome().name(), d.similarTo(),
              Double.isNaN(d.cosine()) ? null : d.cosine(), kept ? c.embedding() : null);
        }
      };
    }
  }
}
