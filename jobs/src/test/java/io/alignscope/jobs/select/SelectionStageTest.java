package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.ingest.CanonicalSchema;
import io.alignscope.jobs.pipeline.StageSummary;
import io.alignscope.stats.CosineSimilarity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stage on an 18-row corpus: plain answers, an exact copy, preference rows (prompt,
 * chosen, rejected) and prompts without an answer.
 */
class SelectionStageTest extends SelectSparkTestBase {
  private Path corpus;
  @TempDir
  Path out;

  @BeforeAll
  void corpus() throws URISyntaxException {
    corpus = Paths.get(getClass().getResource("/select/mixed.jsonl").toURI());
  }

  private static Map<String, Row> byId(List<Row> rows) {
    Map<String, Row> m = new TreeMap<>();
    rows.forEach(r -> m.put(r.getAs("id"), r));
    return m;
  }

  private static double[] embedding(Row r) {
    List<Float> f = r.getList(r.fieldIndex(ModelScoreSchema.EMBEDDING));
    double[] d = new double[f.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = f.get(i);
    }
    return d;
  }

  private static Map<String, Double> counts(List<Row> summary) {
    Map<String, Double> m = new TreeMap<>();
    summary.stream().filter(r -> "counts".equals(r.getAs("section"))).forEach(r -> m.put(r.getAs("name"),
        r.getAs("value")));
    return m;
  }

  @Test
  void everyOutputOfTheStage() {
    // the tiny pair's last-token states are nearly parallel (median pairwise cosine ~0.98), so a τ of
    // 0.999 is what lets several rows through while still refusing some
    JobConfig config = config(corpus, out.resolve("run"), "select.budget=5", "models.torch-threads=1",
        "select.center-embeddings=false", "select.diversity.cosine-threshold=0.999");
    StageSummary summary = SelectionStage.run(context(config));

    // rows without an answer are stage rejects with their payload
    List<Row> rejects = spark.read().parquet(out.resolve("run/rejects/stage=select").toString()).collectAsList();
    assertEquals(List.of("q01", "q02"), rejects.stream().map(r -> r.<String>getAs("id")).sorted().toList());
    rejects.forEach(r -> assertEquals(ModelScoring.MISSING_ANSWER, r.getAs("reason")));
    assertTrue(rejects.get(0).<String>getAs("raw").contains("nobody has answered")
        || rejects.get(1).<String>getAs("raw").contains("nobody has answered"));

    Map<String, Row> scored = byId(table(config, SelectionStage.SCORED).collectAsList());
    assertEquals(16, scored.size());
    assertEquals(ScoredColumns.names(), Arrays.asList(table(config, SelectionStage.SCORED).columns()));
    // the exact copy is dropped in favour of the smaller id
    Row copy = scored.get("m06-copy");
    assertEquals("near-duplicate", copy.getAs(Selector.STATUS));
    assertEquals("m06", copy.getAs(NearDuplicates.DUPLICATE_OF));
    assertEquals(1.0, copy.<Double>getAs(NearDuplicates.DUPLICATE_SIMILARITY), 0.0);
    assertTrue(copy.<String>getAs(Selector.BECAUSE).startsWith("not selected: near-duplicate of m06"));
    // preference rows carry the rejected answer's numbers, plain rows do not
    Row pref = scored.get("p04");
    assertNotNull(pref.getAs("rejected_ifd"));
    assertNotNull(pref.getAs("preference_margin"));
    assertTrue(pref.<Integer>getAs("rejected_tokens") > 0);
    assertNull(scored.get("m01").getAs("preference_margin"));
    assertEquals("bos", pref.getAs(ModelScoreSchema.IFD_CONTEXT));
    // every status adds up; IFD > 1 rows are dropped as configured
    Map<String, Integer> statuses = new TreeMap<>();
    scored.values().forEach(r -> statuses.merge(r.getAs(Selector.STATUS), 1, Integer::sum));
    scored.values().stream().filter(r -> r.getAs("ifd") != null && r.<Double>getAs("ifd") > 1)
        .forEach(r -> assertEquals("ifd-above-one", r.getAs(Selector.STATUS), r.getString(0)));

    List<Row> summaryRows = table(config, SelectionStage.SUMMARY).collectAsList();
    Map<String, Double> c = counts(summaryRows);
    assertEquals(18.0, c.get("accepted"));
    assertEquals(2.0, c.get("model_rejects"));
    assertEquals(16.0, c.get("scored"));
    assertEquals(5.0, c.get("budget_rows"));
    assertEquals(1.0, c.get("near_duplicates"));
    assertEquals((double) statuses.getOrDefault("ifd-above-one", 0), c.get("dropped_ifd_above_one"));
    assertEquals(16.0 - c.get("dropped_ifd_above_one") - 1, c.get("eligible"));
    assertEquals(5.0, c.get("selected") + c.get("shortfall"));
    assertEquals(c.get("eligible"), c.get("selected") + c.get("diversity_filtered") + c.get("not_reached"));

    // the subset: canonical columns first, scores and reasons after, τ between every selected pair
    List<Row> subset = table(config, SelectionStage.SUBSET).collectAsList();
    assertEquals(c.get("selected").intValue(), subset.size());
    assertEquals(summary.headline().get("selected"), (long) subset.size());
    List<String> columns = Arrays.asList(table(config, SelectionStage.SUBSET).columns());
    assertEquals(Arrays.asList(CanonicalSchema.SCHEMA.fieldNames()), columns.subList(0, 8));
    assertTrue(columns.contains("ifd") && columns.contains(Selector.BECAUSE) && !columns.contains("embedding"));
    List<String> selected = new ArrayList<>();
    for (Row r : subset) {
      selected.add(r.getAs("id"));
      assertTrue(r.<String>getAs(Selector.BECAUSE).startsWith("rank "), r.<String>getAs(Selector.BECAUSE));
      assertTrue(r.<String>getAs(Selector.BECAUSE).contains("cosine ≤ 0.999 to all selected"));
    }
    assertTrue(selected.size() >= 2, "selected " + selected);
    for (int i = 0; i < selected.size(); i++) {
      for (int j = i + 1; j < selected.size(); j++) {
        double cos = CosineSimilarity.of(embedding(scored.get(selected.get(i))), embedding(scored.get(selected.get(j))));
        assertTrue(cos <= 0.999, selected.get(i) + " ~ " + selected.get(j) + ": " + cos);
      }
    }
    if (c.get("shortfall") > 0) {
      assertTrue(summary.headline().get("warning").toString().contains("fewer than the budget of 5"));
      assertTrue(summaryRows.stream().anyMatch(r -> "warning".equals(r.getAs("name"))));
    }
    assertTrue(summaryRows.stream().anyMatch(r -> "approximation".equals(r.getAs("name"))));
    assertEquals(summary.tables().get(SelectionStage.SCORED), 16L);
  }

  /**
   * Without the diversity filter the subset has exactly floor(0.3 × 18) = 5 rows, and a second run
   * produces identical model scores and the same subset in the same order.
   */
  @Test
  void exactBudgetAndIdenticalReruns() {
    List<List<String>> subsets = new ArrayList<>();
    List<List<String>> modelRows = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      JobConfig config = config(corpus, out.resolve("rerun" + run), "select.budget=0.3",
          "select.diversity.enabled=false", "models.torch-threads=1");
      SelectionStage.run(context(config));
      subsets.add(table(config, SelectionStage.SUBSET).orderBy(DiversitySelection.ORDER).collectAsList().stream()
          .map(r -> r.<String>getAs("id")).toList());
      modelRows.add(table(config, SelectionStage.MODEL_SCORES).orderBy("id").collectAsList().stream()
          .map(Row::toString).toList());
    }
    assertEquals(5, subsets.get(0).size());
    assertEquals(subsets.get(0), subsets.get(1));
    assertEquals(modelRows.get(0), modelRows.get(1));
  }

  /** Through the pipeline as the command line runs it: ingest, the select stage, the manifest. */
  @Test
  void pipelineRunWritesTheStageIntoTheManifest() {
    JobConfig config = config(corpus, out.resolve("pipeline"), "run.stages=[select]", "select.budget=4",
        "select.diversity.enabled=false", "models.torch-threads=1");
    io.alignscope.jobs.pipeline.RunResult result = new io.alignscope.jobs.pipeline.Pipeline(spark, config)
        .with(io.alignscope.jobs.config.Stage.SELECT, SelectionStage::run).run();
    com.fasterxml.jackson.databind.JsonNode manifest = result.manifest();
    com.fasterxml.jackson.databind.JsonNode select = manifest.path("stages").path("select");
    assertEquals(4, select.path("headline").path("selected").asLong(), manifest.toString());
    assertEquals("weighted(ifd=1, shift_density=1, isa=1 atypical-first)",
        select.path("headline").path("strategy").asText());
    assertEquals(16, manifest.path("outputs").path(SelectionStage.SCORED).path("rows").asLong());
    assertEquals(4, manifest.path("outputs").path(SelectionStage.SUBSET).path("rows").asLong());
    assertEquals(2, manifest.path("counts").path("rejects").path("select").path(ModelScoring.MISSING_ANSWER).asLong());
    assertEquals(4, table(config, SelectionStage.SUBSET).count());
  }
}
