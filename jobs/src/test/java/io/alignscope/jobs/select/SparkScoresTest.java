package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.stats.CompressionDistance;
import io.alignscope.stats.IsaInformationScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/** ZIP-FIT and ISA on Spark against hand computations. */
class SparkScoresTest extends SelectSparkTestBase {
  private static final StructType CANONICAL = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("prompt", DataTypes.StringType, false)
      .add("response", DataTypes.StringType)
      .add("chosen", DataTypes.StringType);

  /**
   * Gzip sizes by hand (10-byte header, 8-byte trailer, one fixed-Huffman deflate block of 3
   * header bits + 8 bits per literal below 144 + 7 bits end-of-block, rounded up to bytes):
   * C("a") = 10 + 3 + 8 = 21 (18 bits → 3 bytes), C("aa") = 22 (26 bits), C("xyz") = 23 (34 bits),
   * C("xyza") = 24 (42 bits). Against the target set {"a"}: NCD("a", "a") = (22 − 21)/21, score
   * 20/21; NCD("xyz", "a") = (24 − 21)/23, score 20/23.
   */
  @Test
  void zipFitByHand(@TempDir Path dir) throws IOException {
    assertEquals(21, CompressionDistance.gzipSize("a", 6));
    assertEquals(22, CompressionDistance.gzipSize("aa", 6));
    assertEquals(23, CompressionDistance.gzipSize("xyz", 6));
    assertEquals(24, CompressionDistance.gzipSize("xyza", 6));
    Path target = Files.writeString(dir.resolve("target.jsonl"), "{\"id\": \"t1\", \"prompt\": \"a\"}\n");
    SelectSettings s = ConfigLoader.load(List.of("select.zipfit.target=\"" + target + "\"",
        "select.zipfit.level=6", "select.weights.zipfit=1")).select();
    Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create("c1", "a", null, null),
        RowFactory.create("c2", "xyz", null, null)), CANONICAL);
    Map<String, Double> zip = new TreeMap<>();
    TextScores.add(spark, rows, s).collectAsList().forEach(r -> zip.put(r.getAs("id"), r.getAs(TextScores.ZIPFIT)));
    assertEquals(20.0 / 21.0, zip.get("c1"), 1e-12);
    assertEquals(20.0 / 23.0, zip.get("c2"), 1e-12);
    // without a target: null
    SelectSettings none = ConfigLoader.load(List.of()).select();
    assertNull(TextScores.add(spark, rows, none).first().getAs(TextScores.ZIPFIT));
  }

  /** The target sample is the first rows in the seeded order of ids, the same on every read. */
  @Test
  void targetSampleIsSeeded(@TempDir Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      b.append("{\"id\": \"t").append(i).append("\", \"prompt\": \"p").append(i).append("\", \"response\": \"r")
          .append(i).append("\"}\n");
      ids.add("t" + i);
    }
    Path target = Files.writeString(dir.resolve("target.jsonl"), b.toString());
    ids.sort(java.util.Comparator.<String>comparingLong(id -> SeededOrder.key(5, id)).thenComparing(id -> id));
    List<String> expected = ids.subList(0, 4).stream().map(id -> "p" + id.substring(1) + "\nr" + id.substring(1))
        .toList();
    assertEquals(expected, TextScores.targetSample(spark, target.toString(), 4, 5));
    assertEquals(expected, TextScores.targetSample(spark, target.toString(), 4, 5));
  }

  /**
   * The second half of ISA on Spark: l = −10, −6, −2, −8 → min −10, max −2, l′ = 0, 0.5, 1, 0.25,
   * ΔH = l′e^{l′} = 0, 0.5e^{0.5}, e, 0.25e^{0.25}.
   */
  @Test
  void isaFromFourLogLikelihoodsByHand() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add(IsaScores.LOG_LIKELIHOOD,
        DataTypes.DoubleType);
    Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create("a", -10.0), RowFactory.create("b", -6.0),
        RowFactory.create("c", -2.0), RowFactory.create("d", -8.0), RowFactory.create("e", null)), schema)
        .repartition(3);
    IsaScores.Scored scored = IsaScores.score(rows);
    assertEquals(-10.0, scored.min(), 0.0);
    assertEquals(-2.0, scored.max(), 0.0);
    Map<String, Double> isa = new TreeMap<>();
    scored.rows().collectAsList().forEach(r -> isa.put(r.getString(0), (Double) r.getAs(IsaScores.ISA)));
    assertEquals(0.0, isa.get("a"), 1e-12);
    assertEquals(0.5 * Math.exp(0.5), isa.get("b"), 1e-12);
    assertEquals(Math.E, isa.get("c"), 1e-12);
    assertEquals(0.25 * Math.exp(0.25), isa.get("d"), 1e-12);
    assertNull(isa.get("e"));
  }

  /**
   * PCA + Gaussian mixture + ΔH end to end: 60 rows around one direction and 4 far outliers. The
   * outliers are the least likely, so they get the 4 smallest ΔH (atypical first), the least
   * likely row exactly 0 and the most likely exactly e; every score is ΔH of its own l.
   */
  @Test
  void isaEndToEndRanksOutliersFirst() {
    SplittableRandom random = new SplittableRandom(4);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      boolean outlier = i >= 60;
      float[] e = new float[8];
      for (int j = 0; j < e.length; j++) {
        double centre = outlier ? (j == i - 60 ? 6 : -3) : (j == 0 ? 1 : 0);
        e[j] = (float) (centre + random.nextGaussian() * 0.1);
      }
      rows.add(RowFactory.create(String.format("%s%02d", outlier ? "out" : "in", i), e));
    }
    StructType schema = new StructType().add("id", DataTypes.StringType)
        .add(ModelScoreSchema.EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false));
    SelectSettings s = ConfigLoader.load(List.of("select.isa.pca-dimensions=3", "select.isa.fit-sample=64")).select();
    IsaScores.Result result = IsaScores.add(spark.createDataFrame(rows, schema), 64, s);
    assertEquals(8, result.fit().inputDimensions());
    assertEquals(3, result.fit().dimensions());
    assertEquals(64, result.fit().fitRows());
    List<Row> ordered = result.rows().orderBy(IsaScores.ISA).collectAsList();
    for (int i = 0; i < 4; i++) {
      assertTrue(ordered.get(i).getString(0).startsWith("out"), "rank " + i + ": " + ordered.get(i));
    }
    assertEquals(0.0, ordered.get(0).<Double>getAs(IsaScores.ISA), 0.0);
    assertEquals(Math.E, ordered.get(63).<Double>getAs(IsaScores.ISA), 1e-12);
    for (Row r : ordered) {
      double l = r.getAs(IsaScores.LOG_LIKELIHOOD);
      assertEquals(IsaInformationScore.score(l, result.fit().minLogLikelihood(), result.fit().maxLogLikelihood()),
          r.<Double>getAs(IsaScores.ISA), 0.0);
    }
  }

  /** One row cannot fit a mixture: ISA is null rather than a failed stage. */
  @Test
  void isaOfASingleRowIsNull() {
    StructType schema = new StructType().add("id", DataTypes.StringType)
        .add(ModelScoreSchema.EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false));
    Dataset<Row> one = spark.createDataFrame(List.of(RowFactory.create("a", new float[] {1f, 0f})), schema);
    IsaScores.Result r = IsaScores.add(one, 1, ConfigLoader.load(List.of()).select());
    assertEquals(1, r.fit().fitRows());
    assertNull(r.rows().first().getAs(IsaScores.ISA));
  }
}
