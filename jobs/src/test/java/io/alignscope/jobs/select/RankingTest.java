package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.alignscope.jobs.config.ConfigLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Percent ranks, weighted, stratified, top-k and random orders on six rows worked by hand. */
class RankingTest extends SelectSparkTestBase {
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("source", DataTypes.StringType)
      .add("ifd", DataTypes.DoubleType)
      .add("length", DataTypes.IntegerType)
      .add("isa", DataTypes.DoubleType);

  private Dataset<Row> rows;

  /**
   * ifd: a 3, b 1, c 2, d 2, e 5, f null → percent ranks over 5 values (÷4): b 0, c = d 0.25 (tie:
   * the lower rank), a 0.75, e 1, f none. length 10, 40, 20, 30, 50, 60 → (÷5): a 0, c 0.2, d 0.4,
   * b 0.6, e 0.8, f 1.
   */
  @BeforeAll
  void rows() {
    rows = spark.createDataFrame(List.of(
        RowFactory.create("a", "x", 3.0, 10, 0.5),
        RowFactory.create("b", "y", 1.0, 40, 2.0),
        RowFactory.create("c", "x", 2.0, 20, 0.1),
        RowFactory.create("d", "y", 2.0, 30, 2.7),
        RowFactory.create("e", "x", 5.0, 50, 1.0),
        RowFactory.create("f", "y", null, 60, 0.3)), SCHEMA).repartition(3);
  }

  private static RankingPlan plan(String... overrides) {
    return RankingPlan.of(ConfigLoader.load(List.of(overrides)).select());
  }

  private static Map<String, Object> column(Dataset<Row> ranked, String name) {
    Map<String, Object> out = new TreeMap<>();
    ranked.collectAsList().forEach(r -> out.put(r.getAs("id"), r.getAs(name)));
    return out;
  }

  private static List<String> byRank(Dataset<Row> ranked, String rank) {
    List<Row> list = new ArrayList<>(ranked.collectAsList());
    list.sort(Comparator.comparingLong(r -> r.<Long>getAs(rank)));
    return list.stream().map(r -> r.<String>getAs("id")).toList();
  }

  @Test
  void percentRanksWithTiesByHand() {
    Map<String, Object> ifd = column(Ranking.withPercentRank(rows, "ifd", "p"), "p");
    Map<String, Object> expected = new TreeMap<>();
    expected.put("a", 0.75);
    expected.put("b", 0.0);
    expected.put("c", 0.25);
    expected.put("d", 0.25);
    expected.put("e", 1.0);
    expected.put("f", null);
    assertEquals(expected, ifd);
    Map<String, Object> one = column(Ranking.withPercentRank(rows.filter("id = 'a'"), "length", "p"), "p");
    assertEquals(Map.of("a", 0.0), one);
  }

  /**
   * weighted(ifd = 1, length = −1): a 0.75 − 0 = 0.75, b 0 − 0.6 = −0.6, c 0.25 − 0.2 = 0.05, d
   * 0.25 − 0.4 = −0.15, e 1 − 0.8 = 0.2, f 0.5 (missing) − 1 = −0.5 → a, e, c, d, f, b.
   */
  @Test
  void weightedByHand() {
    Dataset<Row> ranked = Ranking.rank(rows, plan("select.weights.shift-density=0", "select.weights.isa=0",
        "select.weights.length=-1"));
    assertEquals(List.of("a", "e", "c", "d", "f", "b"), byRank(ranked, Ranking.RANK));
    Map<String, Object> value = column(ranked, Ranking.RANK_VALUE);
    assertEquals(0.75, (Double) value.get("a"), 1e-12);
    assertEquals(-0.5, (Double) value.get("f"), 1e-12);
    assertEquals(6L, ranked.first().<Long>getAs(Ranking.RANK_OF));
    assertEquals(byRank(ranked, Ranking.RANK), byRank(ranked, Ranking.WALK));
    assertEquals(Ranking.ALL, ranked.first().getAs(Ranking.STRATUM));
  }

  /**
   * Stratified, same weights: x = a(1), e(2), c(3); y = d(4), f(5), b(6) → stratum ranks a1 e2 c3,
   * d1 f2 b3; relative ranks (r − 0.5)/3 interleave the sources: a, d, e, f, c, b.
   */
  @Test
  void stratifiedByHand() {
    Dataset<Row> ranked = Ranking.rank(rows, plan("select.strategy=stratified", "select.weights.shift-density=0",
        "select.weights.isa=0", "select.weights.length=-1"));
    assertEquals(List.of("a", "e", "c", "d", "f", "b"), byRank(ranked, Ranking.RANK));
    assertEquals(List.of("a", "d", "e", "f", "c", "b"), byRank(ranked, Ranking.WALK));
    Map<String, Object> stratumRank = column(ranked, Ranking.STRATUM_RANK);
    assertEquals(Map.of("a", 1L, "e", 2L, "c", 3L, "d", 1L, "f", 2L, "b", 3L), stratumRank);
    assertEquals(Map.of("a", "x", "b", "y", "c", "x", "d", "y", "e", "x", "f", "y"), column(ranked, Ranking.STRATUM));
  }

  /** Top-k: length highest first; ISA (atypical-first) lowest ΔH first; IFD nulls last. */
  @Test
  void topK() {
    assertEquals(List.of("f", "e", "b", "d", "c", "a"),
        byRank(Ranking.rank(rows, plan("select.strategy=top-k", "select.score=length")), Ranking.RANK));
    assertEquals(List.of("c", "f", "a", "e", "b", "d"),
        byRank(Ranking.rank(rows, plan("select.strategy=top-k", "select.score=isa")), Ranking.RANK));
    assertEquals(List.of("d", "b", "e", "a", "f", "c"), byRank(Ranking.rank(rows, plan("select.strategy=top-k",
        "select.score=isa", "select.isa.order=typical-first")), Ranking.RANK));
    assertEquals(List.of("e", "a", "c", "d", "b", "f"),
        byRank(Ranking.rank(rows, plan("select.strategy=top-k", "select.score=ifd")), Ranking.RANK));
  }

  /** Random: ascending seeded key; a different seed, a different order. */
  @Test
  void randomIsTheSeededOrder() {
    List<String> ids = new ArrayList<>(List.of("a", "b", "c", "d", "e", "f"));
    ids.sort(Comparator.comparingLong(id -> SeededOrder.key(7, id)));
    assertEquals(ids, byRank(Ranking.rank(rows, plan("select.strategy=random", "select.seed=7")), Ranking.RANK));
    List<String> other = new ArrayList<>(ids);
    other.sort(Comparator.comparingLong(id -> SeededOrder.key(8, id)));
    assertEquals(other, byRank(Ranking.rank(rows, plan("select.strategy=random", "select.seed=8")), Ranking.RANK));
  }
}
