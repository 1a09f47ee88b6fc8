package io.alignscope.jobs.report;

import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.ingest.CorpusOptions;
import io.alignscope.lm.tiny.TinyPairBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real but quick run: the quick tiny model pair on the bundled sample prompts, small sampling budgets. */
final class TinyRun {
  private TinyRun() {}

  /** The quick tiny pair (built in seconds) under {@code dir}. */
  static TinyPairBuilder.Result pair(Path dir) throws IOException {
    return TinyPairBuilder.build(TinyPairBuilder.Plan.quick(), dir);
  }

  /** The bundled 48-prompt sample as a JSONL file, followed by {@code extraLines}. */
  static Path corpus(Path file, String... extraLines) throws IOException {
    try (InputStream in = TinyRun.class.getResourceAsStream(CorpusOptions.EMBEDDED_SAMPLE_RESOURCE)) {
      String sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder text = new StringBuilder(sample.endsWith("\n") ? sample : sample + "\n");
      for (String line : extraLines) {
        text.append(line).append('\n');
      }
      return Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }
  }

  /** The configuration of a quick run of {@code stages} (e.g. "[shift,bf,nudge,report]"). */
  static JobConfig config(Path output, TinyPairBuilder.Result pair, Path corpus, String stages, String... more) {
    List<String> overrides = new ArrayList<>(List.of("run.output=" + output, "models.base.path=" + pair.base(),
        "models.aligned.path=" + pair.aligned(), "corpus.path=" + corpus, "run.stages=" + stages,
        "run.name=report-test", "bf.samples=4", "bf.max-new-tokens=12", "shift.max-new-tokens=12",
        "nudge.max-new-tokens=12"));
    overrides.addAll(List.of(more));
    return ConfigLoader.load(overrides);
  }
}
