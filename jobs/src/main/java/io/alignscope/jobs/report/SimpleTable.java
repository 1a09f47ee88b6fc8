package io.alignscope.jobs.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table of text cells shown as HTML (per-model BF, rejects per reason, ...).
 *
 * @param caption what the table shows
 * @param header column names
 * @param rows rows of cells, each as long as the header
 */
record SimpleTable(String caption, List<String> header, List<List<String>> rows) {

  SimpleTable {
    header = List.copyOf(header);
    rows = new ArrayList<>(rows);
  }

  /** An empty table with these columns. */
  static SimpleTable of(String caption, String... header) {
    return new SimpleTable(caption, List.of(header), new ArrayList<>());
  }

  /** Adds a row. */
  SimpleTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("row of " + cells.length + " cells for " + header.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }
}
