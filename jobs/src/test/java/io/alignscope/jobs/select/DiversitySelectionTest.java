package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.stats.CosineSimilarity;
import io.alignscope.stats.DeitaDiversityFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The distributed DEITA walk on 600 random 16-D vectors. */
class DiversitySelectionTest extends SelectSparkTestBase {
  private static final StructType RANKED = new StructType()
      .add("id", DataTypes.StringType, false)
      .add(Ranking.STRATUM, DataTypes.StringType, false)
      .add(Ranking.STRATUM_RANK, DataTypes.LongType, false)
      .add(Ranking.WALK, DataTypes.LongType, false)
      .add(ModelScoreSchema.EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), false);
  private static final int N = 600;

  private Dataset<Row> ranked;
  private Dataset<Row> stratified;
  private final Map<String, double[]> vectors = new HashMap<>();
  private double[][] inOrder;

  @BeforeAll
  void data() {
    SplittableRandom random = new SplittableRandom(21);
    List<Row> rows = new ArrayList<>();
    List<Row> strata = new ArrayList<>();
    inOrder = new double[N][];
    long[] stratumRank = new long[2];
    for (int i = 0; i < N; i++) {
      float[] e = new float[16];
      for (int j = 0; j < e.length; j++) {
        e[j] = (float) random.nextGaussian();
      }
      String id = String.format("r%04d", i);
      vectors.put(id, Embeddings.toDoubles(e));
      inOrder[i] = Embeddings.toDoubles(e);
      rows.add(RowFactory.create(id, Ranking.ALL, (long) i + 1, (long) i + 1, e));
      int s = i % 3 == 0 ? 1 : 0;
      strata.add(RowFactory.create(id, s == 0 ? "big" : "small", ++stratumRank[s], (long) i + 1, e));
    }
    ranked = spark.createDataFrame(rows, RANKED);
    stratified = spark.createDataFrame(strata, RANKED);
  }

  private Map<String, Row> decisions(DiversitySelection.Result r) {
    Map<String, Row> out = new TreeMap<>();
    r.decisions().collectAsList().forEach(row -> out.put(row.getString(0), row));
    return out;
  }

  private List<String> selected(Map<String, Row> decisions) {
    List<Row> rows = new ArrayList<>();
    decisions.values().forEach(r -> {
      if (DiversitySelection.SELECTED.equals(r.getAs(DiversitySelection.STATUS))) {
        rows.add(r);
      }
    });
    rows.sort(java.util.Comparator.comparingInt(r -> r.<Integer>getAs(DiversitySelection.ORDER)));
    return rows.stream().map(r -> r.getString(0)).toList();
  }

  private void assertPairwiseWithin(List<String> ids, double tau) {
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        double cos = CosineSimilarity.of(vectors.get(ids.get(i)), vectors.get(ids.get(j)));
        assertTrue(cos <= tau, ids.get(i) + " ~ " + ids.get(j) + ": " + cos);
      }
    }
  }

  /** τ = 0.5 in 16-D leaves enough diverse rows: exactly 60 selected, every pair within τ. */
  @Test
  void fillsTheBudgetExactlyAndKeepsTheThreshold() {
    DiversitySelection.Result r = DiversitySelection.select(spark, ranked, Map.of(Ranking.ALL, 60L), true, 0.5, 4, 4);
    Map<String, Row> d = decisions(r);
    List<String> ids = selected(d);
    assertEquals(60, ids.size());
    assertEquals(60, r.selected());
    assertEquals(0, r.shortfall());
    assertTrue(r.exact());
    assertPairwiseWithin(ids, 0.5);
    assertEquals(N, d.size());
    // every filtered row is above τ to the row it names
    for (Row row : d.values()) {
      if (DiversitySelection.FILTERED.equals(row.getAs(DiversitySelection.STATUS))) {
        double cos = CosineSimilarity.of(vectors.get(row.getString(0)), vectors.get(row.<String>getAs(
            DiversitySelection.SIMILAR_TO)));
        assertEquals(cos, row.<Double>getAs(DiversitySelection.SIMILARITY), 1e-12);
        assertTrue(cos > 0.5);
      }
    }
    long counted = d.values().stream().filter(x -> DiversitySelection.FILTERED.equals(x.getAs(
        DiversitySelection.STATUS))).count();
    assertEquals(r.filteredInPartitions() + r.filteredInMerge(), counted);
  }

  /** One partition, no truncation: the sequential filter, row for row. */
  @Test
  void onePartitionIsTheSequentialFilter() {
    DiversitySelection.Result r = DiversitySelection.select(spark, ranked, Map.of(Ranking.ALL, 60L), true, 0.5, 1,
        1e6);
    int[] expected = DeitaDiversityFilter.select(inOrder, 0.5, 60);
    assertArrayEquals(expected, selected(decisions(r)).stream().mapToInt(id -> Integer.parseInt(id.substring(1)))
        .toArray());
    assertEquals(1, r.rounds());
  }

  /**
   * Caps of ceil(1 × 60 / 8) = 8 rows per partition leave too few candidates (64 minus those the
   * final walk refuses): the walk needs rows past the horizon, so the partitions walk again with 4×
   * the caps and the budget is still met exactly.
   */
  @Test
  void smallCapsTriggerAnotherRound() {
    DiversitySelection.Result r = DiversitySelection.select(spark, ranked, Map.of(Ranking.ALL, 60L), true, 0.5, 8, 1);
    assertTrue(r.rounds() >= 2, "rounds " + r.rounds());
    assertTrue(r.exact());
    List<String> ids = selected(decisions(r));
    assertEquals(60, ids.size());
    assertPairwiseWithin(ids, 0.5);
  }

  /** Strata big (400 rows) and small (200): quotas 45/15 are met exactly and τ holds across strata. */
  @Test
  void stratifiedQuotas() {
    DiversitySelection.Result r = DiversitySelection.select(spark, stratified, Map.of("big", 45L, "small", 15L), true,
        0.5, 4, 4);
    Map<String, Row> d = decisions(r);
    List<String> ids = selected(d);
    assertEquals(60, ids.size());
    assertEquals(15, ids.stream().filter(id -> Integer.parseInt(id.substring(1)) % 3 == 0).count());
    assertPairwiseWithin(ids, 0.5);
  }

  /** A τ that almost nothing passes: fewer rows, reported as the shortfall. */
  @Test
  void shortfallWhenTheWalkRunsOut() {
    DiversitySelection.Result r = DiversitySelection.select(spark, ranked, Map.of(Ranking.ALL, 60L), true, -0.5, 4, 4);
    List<String> ids = selected(decisions(r));
    assertTrue(ids.size() < 60 && ids.size() >= 2, "selected " + ids.size());
    assertEquals(60 - ids.size(), r.shortfall());
    assertPairwiseWithin(ids, -0.5);
  }

  /** Without the filter: the first quota rows of each stratum by stratum rank. */
  @Test
  void withoutDiversityTheQuotaHeadIsSelected() {
    DiversitySelection.Result r = DiversitySelection.select(spark, stratified, Map.of("big", 4L, "small", 2L), false,
        0.5, 4, 4);
    // big: r0001, r0002, r0004, r0005 (stratum ranks 1..4); small: r0000, r0003; in walk order
    assertEquals(List.of("r0000", "r0001", "r0002", "r0003", "r0004", "r0005"), selected(decisions(r)));
    assertEquals(0, r.shortfall());
  }
}
