package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.jobs.pipeline.StageContext;
import io.alignscope.jobs.pipeline.StageSummary;
import io.alignscope.stats.CosineSimilarity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stage on all 805 AlpacaEval rows (Llama-2-7b-chat answers) with the project's embedded tiny
 * pair and the default selection settings (weighted ranking, centred embeddings, DEITA at τ = 0.9):
 * one model pass over every row (the test configuration raises corpus.max-response-tokens to 4096,
 * so no answer is too long), then the Spark-only selection again on the same model scores for the
 * reruns.
 */
class SelectionFullFileTest extends SelectSparkTestBase {
  private Path out;
  private JobConfig config;
  private StageContext context;
  private StageSummary summary;

  @BeforeAll
  void runStage() throws Exception {
    out = Files.createTempDirectory("select-full");
    config = config(sharedData(LLAMA), out, "models.base.path=embedded:tiny-base",
        "models.aligned.path=embedded:tiny-aligned");
    context = context(config);
    summary = SelectionStage.run(context);
  }

  @AfterAll
  void cleanUp() throws Exception {
    try (var paths = Files.walk(out)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static Map<String, Double> counts(List<Row> summary) {
    Map<String, Double> m = new TreeMap<>();
    summary.stream().filter(r -> "counts".equals(r.getAs("section"))).forEach(r -> m.put(r.getAs("name"),
        r.getAs("value")));
    return m;
  }

  private List<String> subsetIds() {
    return table(config, SelectionStage.SUBSET).orderBy(DiversitySelection.ORDER).collectAsList().stream()
        .map(r -> r.<String>getAs("id")).toList();
  }

  /** 10 % of 805 accepted rows: exactly 80, whatever the filters and rejects took. */
  @Test
  void tenPercentBudgetIsExact() {
    assertEquals(805, context.acceptedRows());
    assertEquals(80, config.select().budgetRows(805));
    assertEquals(80, subsetIds().size());
    assertEquals(80L, summary.headline().get("selected"));
    assertEquals(80L, summary.headline().get("budget_rows"));
    Map<String, Double> c = counts(table(config, SelectionStage.SUMMARY).collectAsList());
    assertEquals(0L, summary.tables().get("rejects/stage=select"));
    assertEquals(805.0, c.get("scored"));
    assertEquals(c.get("scored") - c.get("dropped_ifd_above_one") - c.get("near_duplicates"), c.get("eligible"));
    assertEquals(0.0, c.get("shortfall"));
    // the subset is the 80 best-ranked eligible rows
    List<Row> scored = table(config, SelectionStage.SCORED).filter("selected").collectAsList();
    assertEquals(80, scored.size());
    scored.forEach(r -> assertTrue(r.<Long>getAs(Ranking.RANK) <= 80, r.toString()));
  }

  /** The same seed and scores give the same subset in the same order. */
  @Test
  void sameSeedSameSubset() {
    Dataset<Row> model = table(config, SelectionStage.MODEL_SCORES);
    Selector.Outcome again = Selector.select(spark, context.corpus(), model, config.select(), 80,
        SelectionStage.partitions(spark, config));
    try {
      List<String> ids = again.scored().filter("selected").orderBy(DiversitySelection.ORDER).collectAsList().stream()
          .map(r -> r.<String>getAs("id")).toList();
      assertEquals(subsetIds(), ids);
    } finally {
      again.release();
    }
  }

  /**
   * DEITA on centred embeddings (the default): the budget fills exactly, and τ holds between every
   * pair of selected rows, read back from the written table.
   */
  @Test
  void centredDiversityFillsTheBudgetAndHoldsTheThreshold() {
    Diverse d = diverse(0.9);
    assertEquals(80, d.selected().size());
    assertEquals(0, d.outcome().shortfall());
  }

  /**
   * DEITA on raw embeddings (no centring): last-token states share one large common direction, so
   * a strict τ = 0.5 cannot fill the budget; τ holds between every selected pair, every row refused
   * in the final walk is above τ to the selected row it names, and the shortfall is reported.
   */
  @Test
  void rawEmbeddingsShortOfDiverseRowsReportTheShortfall() {
    Diverse d = diverse(0.5, "select.center-embeddings=false");
    List<String> selected = d.selected();
    assertTrue(selected.size() >= 1 && selected.size() < 80, "selected " + selected.size());
    long refusedInFinalWalk = 0;
    for (Row r : d.rows()) {
      if ("final".equals(r.getAs(DiversitySelection.FILTERED_IN))) {
        refusedInFinalWalk++;
        String other = r.getAs(DiversitySelection.SIMILAR_TO);
        assertTrue(selected.contains(other));
        assertTrue(CosineSimilarity.of(d.embeddings().get(r.<String>getAs("id")), d.embeddings().get(other)) > 0.5);
      }
    }
    assertEquals(d.outcome().diversity().filteredInMerge(), refusedInFinalWalk);
    assertEquals(80 - selected.size(), d.outcome().shortfall());
    assertTrue(SelectionSummaries.warnings(d.outcome()).get(0).startsWith("selected " + selected.size() + " rows, "
        + (80 - selected.size()) + " fewer than the budget of 80"));
  }

  private record Diverse(Selector.Outcome outcome, List<Row> rows, Map<String, double[]> embeddings,
      List<String> selected) {}

  /** Selection with DEITA at τ, written and read back; asserts τ between every selected pair. */
  private Diverse diverse(double threshold, String... extra) {
    List<String> overrides = new ArrayList<>(TinyPair.overrides());
    overrides.add("select.diversity.cosine-threshold=" + threshold);
    overrides.addAll(List.of(extra));
    SelectSettings s = ConfigLoader.load(overrides).select();
    Selector.Outcome o = Selector.select(spark, context.corpus(), table(config, SelectionStage.MODEL_SCORES), s, 80,
        SelectionStage.partitions(spark, config));
    Path written = out.resolve("diverse-scored-" + threshold + extra.length);
    try {
      o.scored().write().parquet(written.toString());
    } finally {
      o.release();
    }
    List<Row> rows = spark.read().parquet(written.toString()).collectAsList();
    Map<String, double[]> embeddings = new TreeMap<>();
    rows.forEach(r -> {
      List<Float> f = r.getList(r.fieldIndex(ModelScoreSchema.EMBEDDING));
      double[] d = new double[f.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = f.get(i);
      }
      embeddings.put(r.getAs("id"), d);
    });
    List<String> selected = rows.stream().filter(r -> r.<Boolean>getAs(Selector.SELECTED))
        .map(r -> r.<String>getAs("id")).toList();
    for (int i = 0; i < selected.size(); i++) {
      for (int j = i + 1; j < selected.size(); j++) {
        double cos = CosineSimilarity.of(embeddings.get(selected.get(i)), embeddings.get(selected.get(j)));
        assertTrue(cos <= threshold, selected.get(i) + " ~ " + selected.get(j) + ": " + cos);
      }
    }
    return new Diverse(o, rows, embeddings, selected);
  }
}
