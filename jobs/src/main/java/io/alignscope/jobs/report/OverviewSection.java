package io.alignscope.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import io.alignscope.jobs.bf.BranchingStage;
import io.alignscope.jobs.nudge.NudgeStage;
import io.alignscope.jobs.shift.ShiftStage;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The run overview at the top of the page: run and model identity, corpus, the configuration values
 * that shape the numbers, row counts per table, and rejects per stage and reason.
 */
final class OverviewSection {
  static final String ID = "run";
  private static final int DETAIL_CHARS = 200;
  private static final List<String> COUNTED = List.of("corpus", ShiftStage.EXAMPLES, BranchingStage.PROMPTS,
      NudgeStage.OUTPUTS, SelectionSection.SCORED, SelectionSection.SUBSET);

  private record Highlight(String label, Function<RunInfo, String> value) {}

  private static final List<Highlight> HIGHLIGHTS = List.of(
      new Highlight("Stages", i -> i.setting("run", "stages")),
      new Highlight("Base model", i -> model(i, "base")),
      new Highlight("Aligned model", i -> model(i, "aligned")),
      new Highlight("Corpus", i -> join(i.setting("corpus", "path"),
          "0".equals(i.setting("corpus", "limit")) ? "" : "first " + i.setting("corpus", "limit") + " rows")),
      new Highlight("Shift answers", i -> join(i.setting("shift", "answers"),
          labelled("max new tokens", i.setting("shift", "max-new-tokens")))),
      new Highlight("BF sampling", i -> join(labelled("M", i.setting("bf", "samples")),
          labelled("T", i.setting("bf", "temperature")), labelled("top-p", i.setting("bf", "top-p")),
          labelled("max new tokens", i.setting("bf", "max-new-tokens")))),
      new Highlight("BF estimate", i -> join(labelled("entropy", i.setting("bf", "entropy")),
          labelled("window", i.setting("bf", "window")), labelled("models", i.setting("bf", "models")))),
      new Highlight("Nudging", i -> join(labelled("\u03b3", i.setting("nudge", "gamma")),
          labelled("chunk", i.setting("nudge", "chunk")), labelled("max new tokens", i.setting("nudge", "max-new-tokens")))),
      new Highlight("Selection", i -> join(i.setting("select", "strategy"), labelled("budget", i.setting("select", "budget")),
          labelled("score", i.setting("select", "score")))));

  private final RunTables tables;
  private final RunInfo info;

  OverviewSection(RunTables tables, RunInfo info) {
    this.tables = tables;
    this.info = info;
  }

  ReportSection build() {
    ReportSection s = ReportSection.ran(ID, "Run", "What ran, on which models and data, and what was refused.");
    s.fact("Run", info.runName()).fact("Output", info.root());
    JsonNode run = info.manifest().path("run");
    if (run.has("started")) {
      s.fact("Started / finished", run.path("started").asText() + " / " + run.path("finished").asText("not finished"));
    }
    for (Highlight h : HIGHLIGHTS) {
      String value = h.value().apply(info);
      if (!value.isBlank()) {
        s.fact(h.label(), value);
      }
    }
    for (JsonNode m : info.manifest().path("models")) {
      s.fact("Model " + m.path("role").asText(), join(m.path("modelType").asText(),
          labelled("parameters", m.path("parameters").asText()), labelled("vocabulary", m.path("vocabSize").asText())));
    }
    if (!info.versions().isEmpty()) {
      StringBuilder v = new StringBuilder();
      info.versions().forEach((k, value) -> v.append(v.length() == 0 ? "" : ", ").append(k).append(' ').append(value));
      s.fact("Versions", v.toString());
    }
    counts(s);
    rejects(s);
    return s;
  }

  private void counts(ReportSection s) {
    SimpleTable table = SimpleTable.of("Rows per table", "table", "rows");
    JsonNode manifestCounts = info.manifest().path("counts");
    if (manifestCounts.has("input_rows")) {
      table.row("corpus input (manifest)", Format.count(manifestCounts.path("input_rows").asLong()));
    }
    for (String name : COUNTED) {
      Optional<Dataset<Row>> t = tables.read(name);
      if (t.isPresent()) {
        long rows = t.get().count();
        table.row(name, Format.count(rows));
        if (name.equals("corpus")) {
          s.keyNumber("prompts accepted", Format.count(rows));
        }
      }
    }
    s.table(table);
  }

  private void rejects(ReportSection s) {
    Optional<Dataset<Row>> rejects = tables.read("rejects");
    if (rejects.isEmpty()) {
      s.note("No rejects table: " + tables.absent("rejects"));
      return;
    }
    List<String> missing = RunTables.missing(rejects.get(), "stage", "reason", "detail");
    if (!missing.isEmpty()) {
      s.note("The rejects table lacks columns " + missing + "; rejects are not broken down.");
      return;
    }
    List<Row> rows = rejects.get().groupBy("stage", "reason")
        .agg(count(lit(1)).as("rows"), first(col("detail"), true).as("example"))
        .orderBy("stage", "reason").collectAsList();
    long total = 0;
    SimpleTable table = SimpleTable.of("Rejects per stage and reason (the rows are in " + tables.path("rejects") + ")",
        "stage", "reason", "rows", "example detail");
    for (Row r : rows) {
      long n = r.getLong(2);
      total += n;
      table.row(RowValues.text(r, "stage"), RowValues.text(r, "reason"), Format.count(n),
          truncate(RowValues.text(r, "example")));
    }
    s.keyNumber("rows rejected", Format.count(total));
    if (rows.isEmpty()) {
      s.fact("Rejects", "none");
    } else {
      s.table(table);
    }
  }

  private static String truncate(String text) {
    return text.length() <= DETAIL_CHARS ? text : text.substring(0, DETAIL_CHARS) + "\u2026";
  }

  private static String model(RunInfo info, String role) {
    return join(info.setting("models", role, "path"), info.setting("models", role, "prompt-format"));
  }

  private static String labelled(String label, String value) {
    return value.isBlank() ? "" : label + " " + value;
  }

  private static String join(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        out.append(out.length() == 0 ? "" : " \u00b7 ").append(p);
      }
    }
    return out.toString();
  }
}
