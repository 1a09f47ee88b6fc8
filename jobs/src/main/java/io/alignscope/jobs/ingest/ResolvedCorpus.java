package io.alignscope.jobs.ingest;

import java.util.List;

/**
 * A corpus location checked against its filesystem, with its format settled.
 *
 * @param paths the paths (or globs) to hand to Spark, each known to match something
 * @param format never {@link CorpusFormat#AUTO}
 * @param csvDelimiter the delimiter to use when the format is CSV
 */
record ResolvedCorpus(List<String> paths, CorpusFormat format, String csvDelimiter) {

  ResolvedCorpus {
    paths = List.copyOf(paths);
    if (format == CorpusFormat.AUTO) {
      throw new IllegalArgumentException("a resolved corpus has a concrete format");
    }
  }

  /** The paths as the user wrote them, for messages. */
  String describe() {
    return String.join(",", paths);
  }

  String[] pathArray() {
    return paths.toArray(String[]::new);
  }
}
