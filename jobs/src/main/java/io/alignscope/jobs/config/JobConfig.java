package io.alignscope.jobs.config;

import io.alignscope.jobs.ingest.CanonicalField;
import io.alignscope.jobs.ingest.CorpusFormat;
import io.alignscope.jobs.ingest.CorpusOptions;
import java.io.Serializable;
import java.util.Locale;

/**
 * The whole typed configuration of a run, validated on the driver (see {@link ConfigLoader}) and
 * shipped to executors with the tasks.
 *
 * @param run what to run and where to write
 * @param spark Spark defaults for local runs
 * @param corpus ingestion
 * @param tokenLimits token-count limits checked on executors
 * @param models the model pair
 * @param batch batching
 * @param shift distribution shift
 * @param bf branching factor
 * @param nudge nudging
 * @param select data selection
 * @param report report
 * @param testing fault injection
 * @param rendered the effective configuration as JSON, for the manifest
 */
public record JobConfig(RunSettings run, SparkSettings spark, CorpusOptions corpus, TokenLimits tokenLimits,
    ModelSettings models, BatchSettings batch, ShiftSettings shift, BfSettings bf, NudgeSettings nudge,
    SelectSettings select, ReportSettings report, TestingSettings testing, String rendered) implements Serializable {

  static JobConfig from(ConfigReader r, String rendered) {
    return new JobConfig(RunSettings.from(r), SparkSettings.from(r), corpus(r), TokenLimits.from(r),
        ModelSettings.from(r), BatchSettings.from(r), ShiftSettings.from(r), BfSettings.from(r), NudgeSettings.from(r),
        SelectSettings.from(r), ReportSettings.from(r), TestingSettings.from(r), rendered);
  }

  private static CorpusOptions corpus(ConfigReader r) {
    CorpusOptions.Builder builder = CorpusOptions.builder()
        .setPath(r.string("corpus.path"))
        .optFormat(r.choice("corpus.format", CorpusFormat.class))
        .optLimit(r.integer("corpus.limit", 0, Integer.MAX_VALUE))
        .optMaxPromptChars(r.integer("corpus.max-prompt-chars", 0, Integer.MAX_VALUE))
        .optMaxResponseChars(r.integer("corpus.max-response-chars", 0, Integer.MAX_VALUE))
        .optCsvHeader(r.bool("corpus.csv.header"))
        .optCsvDelimiter(r.string("corpus.csv.delimiter"));
    for (CanonicalField field : CanonicalField.values()) {
      String name = field.name().toLowerCase(Locale.ROOT);
      String source = r.string("corpus.columns." + name);
      // A mapping to the field's own name is the default: optional. Any other mapping is required.
      if (!source.equals(name)) {
        builder.optColumn(field, source);
      }
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      r.problem("corpus: " + e.getMessage());
      return null;
    }
  }
}
