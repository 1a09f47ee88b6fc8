package io.alignscope.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Checks that corpus paths exist and settles the format, through the Hadoop filesystem API (so
 * local paths, {@code file://}, {@code hdfs://} and {@code s3a://} all work). Only lists files;
 * never reads them.
 */
final class CorpusLocator {

  /** How many files of a directory to look at when inferring the format. */
  private static final int FILES_TO_INSPECT = 100;

  private static final String UNKNOWN = "unknown extension";

  private final Configuration hadoopConf;

  CorpusLocator(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /**
   * Resolves the files of {@code options}.
   *
   * @throws IllegalArgumentException when a path matches nothing or the format cannot be inferred
   */
  ResolvedCorpus resolve(CorpusOptions options) {
    List<String> paths =
        Arrays.stream(options.path().split(","))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList();
    List<String> fileNames = new ArrayList<>();
    for (String path : paths) {
      fileNames.addAll(dataFileNames(path));
    }
    CorpusFormat format =
        options.format() == CorpusFormat.AUTO
            ? inferFormat(options.path(), fileNames)
            : options.format();
    String delimiter = options.csvDelimiter();
    if (delimiter == null) {
      delimiter = fileNames.stream().allMatch(CorpusFormat::isTsv) ? "\t" : ",";
    }
    return new ResolvedCorpus(paths, format, delimiter);
  }

  /** Names of (up to a sample of) the visible files a path or glob covers. */
  private List<String> dataFileNames(String pathText) {
    Path path = new Path(pathText);
    try {
      FileSystem fs = path.getFileSystem(hadoopConf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new IllegalArgumentException("corpus path does not exist: " + pathText);
      }
      List<String> names = new ArrayList<>();
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          addVisibleFiles(fs, match.getPath(), names);
        } else {
          names.add(match.getPath().getName());
        }
      }
      if (names.isEmpty()) {
        throw new IllegalArgumentException("corpus path has no data files: " + pathText);
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list corpus path " + pathText, e);
    }
  }

  /** Spark ignores names starting with '_' or '.' (_SUCCESS, .crc files), and so do we. */
  private static void addVisibleFiles(FileSystem fs, Path dir, List<String> names)
      throws IOException {
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    int seen = 0;
    while (files.hasNext() && seen < FILES_TO_INSPECT) {
      Path file = files.next().getPath();
      if (!isHidden(dir, file)) {
        names.add(file.getName());
        seen++;
      }
    }
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      if (p.getName().startsWith("_") || p.getName().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static CorpusFormat inferFormat(String path, List<String> fileNames) {
    TreeMap<String, List<String>> byFormat = new TreeMap<>();
    for (String name : fileNames) {
      String format = CorpusFormat.fromFileName(name).map(CorpusFormat::name).orElse(UNKNOWN);
      byFormat.computeIfAbsent(format, k -> new ArrayList<>()).add(name);
    }
    if (byFormat.size() == 1 && !byFormat.containsKey(UNKNOWN)) {
      return CorpusFormat.valueOf(byFormat.firstKey());
    }
    throw new IllegalArgumentException(
        "cannot infer the corpus format of '"
            + path
            + "' from file extensions ("
            + describe(byFormat)
            + "); supported: "
            + CorpusFormat.SUPPORTED
            + "; or set the format explicitly");
  }

  private static String describe(TreeMap<String, List<String>> byFormat) {
    return byFormat.entrySet().stream()
        .map(e -> e.getKey().toLowerCase(Locale.ROOT) + ": " + examples(e.getValue()))
        .collect(Collectors.joining("; "));
  }

  private static String examples(List<String> names) {
    String shown = names.stream().limit(3).collect(Collectors.joining(", "));
    return names.size() > 3 ? shown + ", ..." : shown;
  }
}
