package io.alignscope.jobs.report;

import static org.apache.spark.sql.functions.col;

import io.alignscope.jobs.bf.BranchingStage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Branching factor of base, aligned and nudged continuations: dataset BF per model, BF against
 * position (window and cumulative curves) and the per-prompt BF distribution.
 */
final class BranchingSection {
  static final String ID = "bf";
  private static final String TITLE = "Branching factor";
  private static final String LEAD = "How many next tokens are plausible along sampled continuations: "
      + "BF = exp(mean entropy), per prompt, then averaged over prompts. Alignment should shrink it; nudged outputs "
      + "show how far a few aligned tokens get.";
  private static final int HISTOGRAM_BINS = 20;
  private static final List<String> MODEL_ORDER = List.of("base", "aligned", "nudged");

  private final RunTables tables;

  BranchingSection(RunTables tables) {
    this.tables = tables;
  }

  ReportSection build() {
    Optional<Dataset<Row>> summary = tables.read(BranchingStage.SUMMARY);
    Optional<Dataset<Row>> curves = tables.read(BranchingStage.CURVES);
    Optional<Dataset<Row>> prompts = tables.read(BranchingStage.PROMPTS);
    if (summary.isEmpty() && curves.isEmpty() && prompts.isEmpty()) {
      return ReportSection.notRun(ID, TITLE, LEAD, tables.absent(BranchingStage.SUMMARY) + " (add bf to run.stages)");
    }
    ReportSection s = ReportSection.ran(ID, TITLE, LEAD);
    summary.ifPresentOrElse(t -> perModel(s, t), () -> s.note("No per-model BF: " + tables.absent(BranchingStage.SUMMARY)));
    curves.ifPresentOrElse(t -> curves(s, t), () -> s.note("No BF curves: " + tables.absent(BranchingStage.CURVES)));
    prompts.ifPresentOrElse(t -> histogram(s, t),
        () -> s.note("No per-prompt BF distribution: " + tables.absent(BranchingStage.PROMPTS)));
    return s;
  }

  /** Model names with base, aligned, nudged first, others after in name order. */
  static List<String> ordered(Collection<String> models) {
    List<String> out = new ArrayList<>(models);
    out.sort(Comparator.comparingInt((String m) -> MODEL_ORDER.contains(m) ? MODEL_ORDER.indexOf(m) : MODEL_ORDER.size())
        .thenComparing(Comparator.naturalOrder()));
    return out;
  }

  private void perModel(ReportSection s, Dataset<Row> summary) {
    List<String> missing = RunTables.missing(summary, "model", "dataset_bf");
    if (!missing.isEmpty()) {
      s.note(BranchingStage.SUMMARY + " lacks columns " + missing + "; no per-model BF.");
      return;
    }
    Map<String, Row> byModel = new LinkedHashMap<>();
    summary.collectAsList().forEach(r -> byModel.put(RowValues.text(r, "model"), r));
    List<String> models = ordered(byModel.keySet());
    SimpleTable table = SimpleTable.of("Branching factor per model (mean over prompts of the per-prompt BF)",
        "model", "prompts", "dataset BF", "median BF", "mean effective length", "AEP estimator share",
        "EOS share", "aligned-token share");
    for (String m : models) {
      Row r = byModel.get(m);
      table.row(m, Format.count(RowValues.count(r, "prompts", 0)), Format.number(RowValues.number(r, "dataset_bf")),
          Format.number(RowValues.number(r, "median_bf")), Format.number(RowValues.number(r, "mean_effective_length")),
          Format.percent(RowValues.number(r, "aep_share")), Format.percent(RowValues.number(r, "eos_fraction")),
          Format.percent(RowValues.number(r, "nudged_fraction")));
      s.keyNumber("BF " + m, Format.number(RowValues.number(r, "dataset_bf")));
    }
    s.table(table);
    if (byModel.containsKey("base") && byModel.containsKey("aligned")) {
      double ratio = RowValues.number(byModel.get("base"), "dataset_bf")
          / RowValues.number(byModel.get("aligned"), "dataset_bf");
      s.keyNumber("BF base \u00f7 aligned", Format.ratio(ratio));
      s.fact("BF reduction (base \u00f7 aligned)", Format.ratio(ratio) + " (the paper reports 2\u20135\u00d7)");
    }
    ChartSpec chart = ChartSpec.bars(models).axes("model", "BF");
    chart.series("dataset BF", models.stream().map(m -> RowValues.number(byModel.get(m), "dataset_bf")).toList(),
        Palette.BASE);
    chart.series("median BF", models.stream().map(m -> RowValues.number(byModel.get(m), "median_bf")).toList(),
        Palette.REST);
    s.figure(Figure.of("bf-dataset", "Dataset branching factor per model",
        "Aligned and nudged should sit well below base (paper: 2\u20135\u00d7 lower overall; Llama-3-70B \u2248 12 "
            + "against its Instruct model \u2248 1.2 early on).", chart));
  }

  private void curves(ReportSection s, Dataset<Row> curves) {
    List<String> missing = RunTables.missing(curves, "model", "curve", "position", "bf");
    if (!missing.isEmpty()) {
      s.note(BranchingStage.CURVES + " lacks columns " + missing + "; no BF curves.");
      return;
    }
    List<Row> rows = curves.orderBy(col("model"), col("curve"), col("position")).collectAsList();
    curve(s, rows, "window", "bf-window", "BF against position" + window(rows),
        "Aligned BF should be lower at every position: alignment narrows the generative horizon, and BF falls "
            + "as the output goes on.");
    curve(s, rows, "cumulative", "bf-cumulative", "BF of the prefix up to each position",
        "The gap between the base and aligned curves is the overall reduction; nudged output should track the "
            + "aligned curve.");
  }

  /** " (windows of N tokens)" from the window curve's positions, or "" when it cannot be told. */
  private static String window(List<Row> rows) {
    return rows.stream().filter(r -> "window".equals(RowValues.text(r, "curve")) && RowValues.count(r, "index", 0) > 0)
        .findFirst()
        .map(r -> " (windows of " + RowValues.count(r, "position", 0) / RowValues.count(r, "index", 1) + " tokens)")
        .orElse("");
  }

  private static void curve(ReportSection s, List<Row> rows, String kind, String id, String title, String caption) {
    Map<String, List<Row>> byModel = new LinkedHashMap<>();
    rows.stream().filter(r -> kind.equals(RowValues.text(r, "curve")))
        .forEach(r -> byModel.computeIfAbsent(RowValues.text(r, "model"), m -> new ArrayList<>()).add(r));
    if (byModel.isEmpty()) {
      s.note("No " + kind + " curve points in " + BranchingStage.CURVES + " (continuations shorter than one window?).");
      return;
    }
    ChartSpec chart = ChartSpec.xy().axes("position (token)", "BF");
    for (String model : ordered(byModel.keySet())) {
      List<Row> points = byModel.get(model);
      chart.series(model, points.stream().map(r -> RowValues.number(r, "position")).toList(),
          points.stream().map(r -> RowValues.number(r, "bf")).toList(), Palette.model(model));
    }
    s.figure(Figure.of(id, title, caption, chart));
  }

  private void histogram(ReportSection s, Dataset<Row> prompts) {
    List<String> missing = RunTables.missing(prompts, "model", "bf");
    if (!missing.isEmpty()) {
      s.note(BranchingStage.PROMPTS + " lacks columns " + missing + "; no per-prompt BF distribution.");
      return;
    }
    Optional<HistogramCounts.Binned> binned = HistogramCounts.of(prompts, "bf", col("model"), HISTOGRAM_BINS);
    if (binned.isEmpty()) {
      s.note(BranchingStage.PROMPTS + " holds no finite BF value; no per-prompt distribution.");
      return;
    }
    ChartSpec chart = ChartSpec.bars(binned.get().histogram().labels()).axes("per-prompt BF", "prompts");
    for (String model : ordered(binned.get().counts().keySet())) {
      chart.series(model, binned.get().values(model), Palette.model(model));
    }
    s.figure(Figure.wide("bf-prompt-histogram", "Per-prompt BF distribution",
        "Aligned prompts should pile up at low BF while base prompts spread wider; prompts where the two overlap "
            + "are ones alignment changed little.", chart));
  }
}
