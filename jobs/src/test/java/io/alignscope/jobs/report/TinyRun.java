package io.alignscope.jobs.report;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.ingest.CorpusOptions;
import io.alignscope.jobs.testing.RunConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real but quick run: the embedded tiny model pair on the bundled sample prompts, small sampling budgets. */
final class TinyRun {
  private TinyRun() {}

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

  /** A quick run of {@code stages} (e.g. "[shift,bf,nudge,report]") on {@code corpus}, plus {@code more}. */
  static JobConfig config(Path output, Path corpus, String stages, String... more) {
    List<String> overrides = new ArrayList<>(List.of("corpus.path=" + corpus, "run.stages=" + stages,
        "run.name=report-test"));
    overrides.addAll(List.of(more));
    return RunConfigs.quick(output, overrides.toArray(new String[0]));
  }
}
