package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.col;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.jobs.exec.StageRunner;
import io.alignscope.jobs.ingest.CanonicalSchema;
import io.alignscope.jobs.output.RunLayout;
import io.alignscope.jobs.output.TableWriter;
import io.alignscope.jobs.pipeline.StageContext;
import io.alignscope.jobs.pipeline.StageSummary;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-selection stage (METHODS.md section 4): one distributed model pass ({@link
 * SelectionFunction}) measures IFD, shift density, mean KL, answer entropy, length and the
 * embedding of every example; then, without models, {@link Selector} adds ZIP-FIT and text
 * heuristics, ISA, near-duplicates, ranks by the configured strategy and picks the budget with
 * DEITA's diversity filter.
 *
 * <p>Outputs (under the run folder):
 *
 * <ul>
 *   <li>{@value #MODEL_SCORES}: the model pass ({@link ModelScoreSchema}); rows it could not score
 *       are in {@code rejects/stage=select} (e.g. {@value ModelScoring#MISSING_ANSWER});
 *   <li>{@value #SCORED}: every scored row with every score, the dedup result, rank, {@code
 *       selected} and {@code selected_because} ({@link ScoredColumns});
 *   <li>{@value #SUBSET}: the selected rows in the corpus's canonical columns plus the score
 *       columns, {@code rank}, {@code selection_order} and {@code selected_because}, in selection
 *       order;
 *   <li>{@value #SUMMARY}: settings, counts, quotas, score distributions and notes ({@link
 *       SelectionSummaries}).
 * </ul>
 *
 * The subset has exactly {@link SelectSettings#budgetRows} rows of the accepted corpus when enough
 * rows survive the filters and the diversity walk; otherwise all it found, with a warning in the
 * summary and the manifest.
 */
public final class SelectionStage {
  private static final Logger LOG = LoggerFactory.getLogger(SelectionStage.class);
  public static final String MODEL_SCORES = "select/model_scores";
  public static final String SCORED = "select/scored";
  public static final String SUBSET = "select/subset";
  public static final String SUMMARY = "select/summary";

  private SelectionStage() {}

  /** Runs the stage. */
  public static StageSummary run(StageContext context) {
    JobConfig config = context.config();
    SelectSettings settings = config.select();
    RankingPlan.of(settings);
    TableWriter writer = context.writer();
    RunLayout layout = context.layout();
    String modelPath = layout.table(MODEL_SCORES);
    StageRunner.Counts counts = context.runner().run(context.corpus(),
        new SelectionFunction(config, context.hadoop()), modelPath);
    Dataset<Row> model = writer.read(modelPath);
    long budget = settings.budgetRows(context.acceptedRows());
    Selector.Outcome outcome = Selector.select(context.spark(), context.corpus(), model, settings, budget,
        partitions(context.spark(), config));
    try {
      writer.overwrite(outcome.scored(), layout.table(SCORED));
      Dataset<Row> scored = writer.read(layout.table(SCORED));
      writer.overwrite(subset(context.corpus(), scored), layout.table(SUBSET));
      String ifdContext = model.select(ModelScoreSchema.IFD_CONTEXT).distinct().collectAsList().stream()
          .map(r -> r.getString(0)).sorted().reduce((a, b) -> a + ", " + b).orElse("(no rows)");
      writer.overwrite(SelectionSummaries.of(context.spark(), outcome, settings, context.acceptedRows(),
          counts.rejects(), ifdContext), layout.table(SUMMARY));
      long selected = writer.read(layout.table(SUBSET)).count();
      DiversitySelection.Result d = outcome.diversity();
      StageSummary summary = StageSummary.of("select")
          .table(MODEL_SCORES, counts.results())
          .table("rejects/stage=select", counts.rejects())
          .table(SCORED, scored.count())
          .table(SUBSET, selected)
          .headline("strategy", outcome.plan().describe())
          .headline("budget_rows", budget)
          .headline("selected", selected)
          .headline("scored", outcome.scoredRows())
          .headline("dropped_ifd_above_one", outcome.droppedIfd())
          .headline("near_duplicates", outcome.nearDuplicates())
          .headline("diversity_filtered", d.filteredInPartitions() + d.filteredInMerge());
      if (settings.diversityEnabled()) {
        summary.headline("diversity_approximation", SelectionSummaries.approximationNote(settings.cosineThreshold()));
      }
      List<String> warnings = SelectionSummaries.warnings(outcome);
      if (!warnings.isEmpty()) {
        summary.headline("warning", String.join("; ", warnings));
        warnings.forEach(w -> LOG.warn("select: {}", w));
      }
      return summary;
    } finally {
      outcome.release();
    }
  }

  /**
   * The selected rows: the corpus's canonical columns, then every other column of {@code scored}
   * except the embedding and the input columns already present, in selection order.
   */
  public static Dataset<Row> subset(Dataset<Row> corpus, Dataset<Row> scored) {
    List<String> canonical = List.of(CanonicalSchema.SCHEMA.fieldNames());
    List<Column> columns = new ArrayList<>();
    canonical.forEach(c -> columns.add(col(c)));
    for (String c : scored.columns()) {
      if (!canonical.contains(c) && !c.equals(ModelScoreSchema.EMBEDDING)) {
        columns.add(col(c));
      }
    }
    Dataset<Row> chosen = scored.filter(col(Selector.SELECTED)).drop(CanonicalSchema.PROMPT,
        CanonicalSchema.RESPONSE, CanonicalSchema.SOURCE, CanonicalSchema.CHOSEN, CanonicalSchema.REJECTED);
    return corpus.join(chosen, CanonicalSchema.ID).select(columns.toArray(new Column[0]))
        .orderBy(col(DiversitySelection.ORDER));
  }

  public static int partitions(SparkSession spark, JobConfig config) {
    int configured = config.spark().partitions();
    return configured > 0 ? configured : 2 * spark.sparkContext().defaultParallelism();
  }
}
