package io.alignscope.jobs.config;

import java.io.Serializable;

/** @param title the report's title */
public record ReportSettings(String title) implements Serializable {
  static ReportSettings from(ConfigReader r) {
    return new ReportSettings(r.string("report.title"));
  }
}
