package io.alignscope.jobs.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stage reports to the manifest: its tables with row counts and a few headline numbers.
 *
 * @param stage stage name
 * @param seconds wall time
 * @param tables output table (relative path) to row count
 * @param headline named numbers worth seeing first (e.g. dataset BF per model)
 */
public record StageSummary(String stage, double seconds, Map<String, Long> tables, Map<String, Object> headline) {

  /** A builder-style start. */
  public static StageSummary of(String stage) {
    return new StageSummary(stage, 0, new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  /** Records a table's row count. */
  public StageSummary table(String name, long rows) {
    tables.put(name, rows);
    return this;
  }

  /** Records a headline number. */
  public StageSummary headline(String name, Object value) {
    headline.put(name, value);
    return this;
  }

  /** The same summary with its wall time. */
  public StageSummary took(double seconds) {
    return new StageSummary(stage, seconds, tables, headline);
  }
}
