package io.alignscope.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.jobs.exec.StageRunner;
import io.alignscope.jobs.ingest.CanonicalSchema;
import io.alignscope.jobs.ingest.CorpusReader;
import io.alignscope.jobs.ingest.IngestResult;
import io.alignscope.jobs.models.HadoopConf;
import io.alignscope.jobs.select.DiversitySelection;
import io.alignscope.jobs.select.IsaScores;
import io.alignscope.jobs.select.ModelScoreSchema;
import io.alignscope.jobs.select.NearDuplicates;
import io.alignscope.jobs.select.Ranking;
import io.alignscope.jobs.select.RankingPlan;
import io.alignscope.jobs.select.SelectionFunction;
import io.alignscope.jobs.select.SelectionStage;
import io.alignscope.jobs.select.TextScores;
import io.alignscope.jobs.output.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Throughput of each score family of the selection stage on a local[2] session: the model pass,
 * ZIP-FIT, MinHash dedup, ISA (PCA + mixture fit + scoring) and the distributed DEITA walk. Each
 * family runs once on the same corpus and its rows/s (rows processed / wall seconds, Spark job
 * start-up included) are printed and written as JSON. Not part of the test suite.
 *
 * <p>Usage: {@code SelectionBenchmark <results.json> [key=value ...]}, the overrides as for {@code
 * --set}. Defaults: the AlpacaEval Llama-2-chat file in ../shared/data (or the folder in the
 * system property {@code alignscope.data}) as the corpus, the Mistral file as the ZIP-FIT target,
 * corpus.max-response-tokens = 4096 (so every row is scored) and models.torch-threads = 1 (two
 * tasks share the two cores).
 */
public final class SelectionBenchmark {
  private static final String DATA = System.getProperty("alignscope.data", "../shared/data") + "/";

  private SelectionBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: SelectionBenchmark <results.json> [key=value ...]");
      System.exit(2);
    }
    Path results = Path.of(args[0]);
    Path work = Files.createTempDirectory("select-benchmark");
    List<String> overrides = new ArrayList<>(List.of(
        "corpus.path=\"" + DATA + "alpaca_eval_llama-2-7b-chat.jsonl\"",
        "select.zipfit.target=\"" + DATA + "alpaca_eval_mistral-7b-instruct-v0.2.jsonl\"",
        "corpus.max-response-tokens=4096",
        "models.torch-threads=1",
        "run.output=\"" + work + "\""));
    overrides.addAll(List.of(args).subList(1, args.length));
    JobConfig config = ConfigLoader.load(overrides);
    SelectSettings s = config.select();
    SparkSession spark = SparkSession.builder().master("local[2]").appName("select-benchmark")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    Map<String, double[]> families = new LinkedHashMap<>();
    try (IngestResult ingest = new CorpusReader(spark).read(config.corpus())) {
      Dataset<Row> corpus = ingest.accepted().persist(StorageLevel.MEMORY_AND_DISK());
      long rows = corpus.count();
      RunLayout layout = new RunLayout(work.toString());
      String modelTable = layout.table(SelectionStage.MODEL_SCORES);

      time(families, "model_scoring", () -> new StageRunner(spark, config, layout).run(corpus,
          new SelectionFunction(config, new HadoopConf(spark.sparkContext().hadoopConfiguration())), modelTable)
          .results());
      Dataset<Row> model = spark.read().parquet(modelTable).persist(StorageLevel.MEMORY_AND_DISK());
      long scored = model.count();

      time(families, "zipfit", () -> {
        List<String> targets = TextScores.targetSample(spark, s.zipfitTarget(), s.zipfitTargetSample(), s.seed());
        return corpus.withColumn("z", TextScores.zipFit(spark, targets, s.zipfitLevel()).apply(TextScores.exampleText()))
            .agg(count(col("z"))).first().getLong(0);
      });
      time(families, "minhash_dedup", () -> {
        // count a column of the dedup join, or Spark drops the join from the plan
        Row r = NearDuplicates.mark(corpus, TextScores.exampleText(), s.dedupThreshold(), s.dedupHashTables(), s.seed())
            .agg(count(col(NearDuplicates.DUPLICATE_OF)), count(lit(1))).first();
        System.out.printf("dedup: %d near-duplicates%n", r.getLong(0));
        return r.getLong(1);
      });
      time(families, "isa_fit_and_score", () -> IsaScores.add(model.select(CanonicalSchema.ID,
          ModelScoreSchema.EMBEDDING), scored, s).rows().agg(count(col(IsaScores.ISA))).first().getLong(0));

      Dataset<Row> ranked = Ranking.rank(model, RankingPlan.of(ConfigLoader.load(withTopK(overrides)).select()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      ranked.count();
      long budget = s.budgetRows(rows);
      int partitions = SelectionStage.partitions(spark, config);
      time(families, "deita_merge", () -> {
        DiversitySelection.Result r = DiversitySelection.select(spark, ranked, Map.of(Ranking.ALL, budget), true,
            s.cosineThreshold(), partitions, s.diversityCandidateFactor());
        System.out.printf("deita: budget %d, selected %d, rounds %d, candidates %d%n", budget, r.selected(),
            r.rounds(), r.candidates());
        return r.decisions().count();
      });

      ObjectNode json = new ObjectMapper().createObjectNode();
      json.put("corpus", config.corpus().path());
      json.put("rows", rows);
      json.put("scored_rows", scored);
      json.put("master", "local[2]");
      json.put("cores", Runtime.getRuntime().availableProcessors());
      json.put("base_model", config.models().base().path());
      json.put("aligned_model", config.models().aligned().path());
      ObjectNode out = json.putObject("families");
      System.out.printf("%-20s %10s %10s %10s%n", "family", "rows", "seconds", "rows/s");
      families.forEach((name, v) -> {
        out.putObject(name).put("rows", (long) v[0]).put("seconds", v[1]).put("rows_per_second", v[0] / v[1]);
        System.out.printf("%-20s %10d %10.2f %10.1f%n", name, (long) v[0], v[1], v[0] / v[1]);
      });
      Files.writeString(results, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } finally {
      spark.stop();
    }
  }

  private static List<String> withTopK(List<String> overrides) {
    List<String> out = new ArrayList<>(overrides);
    out.add("select.strategy=top-k");
    out.add("select.score=ifd");
    return out;
  }

  private static void time(Map<String, double[]> families, String name, LongSupplier work) {
    long start = System.nanoTime();
    long rows = work.getAsLong();
    families.put(name, new double[] {rows, (System.nanoTime() - start) / 1e9});
  }
}
