package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** MinHash near-duplicate removal on a corpus with planted copies. */
class NearDuplicatesTest extends SelectSparkTestBase {
  private static final StructType ROWS = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("prompt", DataTypes.StringType, false)
      .add("response", DataTypes.StringType)
      .add("chosen", DataTypes.StringType);

  /** 30 + 30 random words from a 3000-word vocabulary: unrelated rows share almost no 3-gram. */
  private static String[] text(SplittableRandom random) {
    StringBuilder prompt = new StringBuilder();
    StringBuilder response = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      prompt.append("w").append(random.nextInt(3000)).append(' ');
      response.append("w").append(random.nextInt(3000)).append(' ');
    }
    return new String[] {prompt.toString().trim() + "?", response.toString().trim() + "."};
  }

  /** The text with its {@code k}-th response word replaced. */
  private static String oneWordChanged(String response, int k) {
    String[] words = response.split(" ");
    words[k] = "changed";
    return String.join(" ", words);
  }

  /**
   * 40 unrelated rows r00..r39; 5 near-copies differing by one word inside the text (60 words,
   * 58 shingles, 3 of them changed: Jaccard 55/61 = 0.902 > 0.8); 3 exact copies of r05. Near-copies of
   * r03, r07, r11, r19 have larger ids ("r03~"), the near-copy of r30 has a smaller one ("a-r30")
   * and must be kept in its place.
   */
  @Test
  void plantedCopiesAreRemovedAndTheSmallestIdIsKept() {
    SplittableRandom random = new SplittableRandom(11);
    List<Row> rows = new ArrayList<>();
    Map<String, String[]> texts = new TreeMap<>();
    for (int i = 0; i < 40; i++) {
      String id = String.format("r%02d", i);
      String[] t = text(random);
      texts.put(id, t);
      rows.add(RowFactory.create(id, t[0], t[1], null));
    }
    for (int i : new int[] {3, 7, 11, 19}) {
      String[] t = texts.get(String.format("r%02d", i));
      rows.add(RowFactory.create(String.format("r%02d~", i), t[0], oneWordChanged(t[1], 5 + i), null));
    }
    String[] t30 = texts.get("r30");
    rows.add(RowFactory.create("a-r30", t30[0], oneWordChanged(t30[1], 4), null));
    String[] t05 = texts.get("r05");
    for (int k = 1; k <= 3; k++) {
      rows.add(RowFactory.create("r05-copy" + k, t05[0], t05[1], null));
    }
    // preference-style row: the text is prompt + chosen; a row without any word is never compared
    String[] t12 = texts.get("r12");
    rows.add(RowFactory.create("r12-pref", t12[0], null, t12[1]));
    rows.add(RowFactory.create("z-empty", "?!", null, null));
    rows.add(RowFactory.create("z-empty2", "?!", null, null));

    Dataset<Row> marked = NearDuplicates.mark(spark.createDataFrame(rows, ROWS), TextScores.exampleText(), 0.8, 8, 7);
    Map<String, Row> byId = new TreeMap<>();
    marked.collectAsList().forEach(r -> byId.put(r.getAs("id"), r));
    assertEquals(rows.size(), byId.size());
    Map<String, String> dropped = new TreeMap<>();
    byId.forEach((id, r) -> {
      if (r.getAs(NearDuplicates.DUPLICATE_OF) != null) {
        dropped.put(id, r.getAs(NearDuplicates.DUPLICATE_OF));
      }
    });
    Map<String, String> expected = new TreeMap<>(Map.of(
        "r03~", "r03", "r07~", "r07", "r11~", "r11", "r19~", "r19", "r30", "a-r30",
        "r05-copy1", "r05", "r05-copy2", "r05", "r05-copy3", "r05", "r12-pref", "r12"));
    assertEquals(expected, dropped);
    assertEquals(55.0 / 61.0, byId.get("r03~").<Double>getAs(NearDuplicates.DUPLICATE_SIMILARITY), 1e-12);
    assertEquals(1.0, byId.get("r05-copy2").<Double>getAs(NearDuplicates.DUPLICATE_SIMILARITY), 1e-12);
    assertNull(byId.get("a-r30").getAs(NearDuplicates.DUPLICATE_OF));
    assertEquals(0, byId.get("z-empty2").<Integer>getAs(NearDuplicates.SHINGLE_COUNT));
    assertNull(byId.get("z-empty2").getAs(NearDuplicates.DUPLICATE_OF));
    assertEquals(58, byId.get("r00").<Integer>getAs(NearDuplicates.SHINGLE_COUNT));
  }

  /** With A < B < C, A~B and B~C (not A~C): B is a duplicate of A and C of B; A alone is kept. */
  @Test
  void chainsFollowTheSmallerIdRule() {
    StructType pairs = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType)
        .add("distance", DataTypes.DoubleType);
    Dataset<Row> p = spark.createDataFrame(List.of(RowFactory.create("A", "B", 0.1), RowFactory.create("B", "C", 0.15),
        RowFactory.create("D", "E", 0.0), RowFactory.create("C", "E", 0.05)), pairs);
    Map<String, String> dup = new TreeMap<>();
    Map<String, Double> sim = new TreeMap<>();
    for (Row r : NearDuplicates.duplicateOf(p).collectAsList()) {
      dup.put(r.getString(0), r.getString(1));
      sim.put(r.getString(0), r.getDouble(2));
    }
    assertEquals(Map.of("B", "A", "C", "B", "E", "C"), dup);
    assertEquals(0.85, sim.get("C"), 1e-12);
    assertTrue(!dup.containsKey("A") && !dup.containsKey("D"));
  }
}
