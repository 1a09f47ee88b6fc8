package io.alignscope.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.when;

import io.alignscope.jobs.nudge.NudgeStage;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Nudging: how many output tokens the aligned model wrote, pooled, per prompt, and by output
 * position. Fractions are in the base tokenizer's tokens, as the nudging stage counts them.
 */
final class NudgeSection {
  static final String ID = "nudge";
  private static final String TITLE = "Nudging";
  private static final String LEAD = "The base model answers greedily and hands over to the aligned model for a "
      + "few words whenever its top-1 probability falls below \u03b3. The question: how few aligned tokens suffice?";
  private static final Histogram FRACTION_BINS = new Histogram(0, 1, 10);
  private static final int POSITION_LIMIT = 256;

  private final RunTables tables;

  NudgeSection(RunTables tables) {
    this.tables = tables;
  }

  ReportSection build() {
    Optional<Dataset<Row>> summary = tables.read(NudgeStage.SUMMARY);
    Optional<Dataset<Row>> outputs = tables.read(NudgeStage.OUTPUTS);
    if (summary.isEmpty() && outputs.isEmpty()) {
      return ReportSection.notRun(ID, TITLE, LEAD, tables.absent(NudgeStage.SUMMARY) + " (add nudge to run.stages)");
    }
    ReportSection s = ReportSection.ran(ID, TITLE, LEAD);
    summary.ifPresentOrElse(t -> overall(s, t), () -> s.note("No pooled fraction: " + tables.absent(NudgeStage.SUMMARY)));
    outputs.ifPresentOrElse(t -> perOutput(s, t),
        () -> s.note("No per-prompt distribution: " + tables.absent(NudgeStage.OUTPUTS)));
    return s;
  }

  private void overall(ReportSection s, Dataset<Row> summary) {
    List<Row> rows = summary.collectAsList();
    List<String> missing = RunTables.missing(summary, "token_fraction");
    if (rows.isEmpty() || !missing.isEmpty()) {
      s.note(NudgeStage.SUMMARY + (rows.isEmpty() ? " is empty" : " lacks columns " + missing) + "; no pooled fraction.");
      return;
    }
    Row r = rows.get(0);
    double fraction = RowValues.number(r, "token_fraction");
    String unit = RowValues.text(r, "unit").isBlank() ? "tokens" : RowValues.text(r, "unit");
    s.keyNumber("tokens from the aligned model (nudging)", Format.percent(fraction));
    s.fact("Prompts", Format.count(RowValues.count(r, "prompts", 0)))
        .fact("Output tokens", Format.count(RowValues.count(r, "tokens", 0)) + " " + unit)
        .fact("Written by the aligned model", Format.count(RowValues.count(r, "aligned_tokens", 0)) + " ("
            + Format.percent(fraction) + " of " + unit + ")")
        .fact("Mean per-prompt aligned share", Format.percent(RowValues.number(r, "mean_prompt_fraction")))
        .fact("Mean output length", Format.number(RowValues.number(r, "mean_length")) + " " + unit);
    ChartSpec chart = ChartSpec.bars(List.of("this run", "nudging paper (upper bound)")).horizontal().stacked()
        .valueMax(100).axes("", "% of output tokens (" + unit + ")")
        .series("base model", List.of(100 * (1 - fraction), 90.0), Palette.BASE)
        .series("aligned model", List.of(100 * fraction, 10.0), Palette.ALIGNED);
    s.figure(Figure.of("nudge-overall", "Who wrote the nudged outputs",
        "The aligned model's share should stay small: the nudging paper needs under 10 % of tokens from it.", chart));
  }

  private void perOutput(ReportSection s, Dataset<Row> outputs) {
    if (RunTables.missing(outputs, "nudged_fraction").isEmpty()) {
      HistogramCounts.of(outputs, "nudged_fraction", lit("prompts"), FRACTION_BINS).ifPresentOrElse(b -> {
        List<String> labels = IntStream.range(0, FRACTION_BINS.bins())
            .mapToObj(i -> (10 * i) + "\u2013" + (10 * i + 10) + " %").toList();
        s.figure(Figure.of("nudge-per-prompt", "Aligned-token share per prompt",
            "Most prompts should need few aligned tokens; a right tail marks prompts where the base model stays "
                + "unsure throughout.",
            ChartSpec.bars(labels).axes("share of the output written by the aligned model", "prompts")
                .series("prompts", b.values("prompts"), Palette.ALIGNED)));
      }, () -> s.note(NudgeStage.OUTPUTS + " is empty; no per-prompt distribution."));
    } else {
      s.note(NudgeStage.OUTPUTS + " lacks column nudged_fraction; no per-prompt distribution.");
    }
    if (RunTables.missing(outputs, "from_aligned").isEmpty()) {
      byPosition(s, outputs);
    } else {
      s.note(NudgeStage.OUTPUTS + " lacks column from_aligned; no aligned share by position.");
    }
  }

  private static void byPosition(ReportSection s, Dataset<Row> outputs) {
    List<Row> rows = outputs.select(posexplode(col("from_aligned")).as(new String[] {"position", "aligned"}))
        .filter(col("position").lt(POSITION_LIMIT))
        .groupBy("position")
        .agg(avg(when(col("aligned"), 1.0).otherwise(0.0)).as("share"), count(lit(1)).as("outputs"))
        .orderBy("position").collectAsList();
    if (rows.isEmpty()) {
      return;
    }
    List<String> labels = rows.stream().map(r -> Integer.toString(r.getInt(0))).toList();
    ChartSpec chart = ChartSpec.lines(labels).axes("output position (token)", "% written by the aligned model")
        .valueMax(100)
        .series("aligned share", rows.stream().map(r -> 100 * r.getDouble(1)).toList(), Palette.ALIGNED)
        .secondaryAxis("outputs reaching the position")
        .secondarySeries("outputs", rows.stream().map(r -> (double) r.getLong(2)).toList(), Palette.REST);
    s.figure(Figure.of("nudge-position", "Aligned share by output position",
        "Aligned tokens should cluster at the start, where the answer's form is set; later the base model "
            + "writes on its own.", chart));
  }
}
