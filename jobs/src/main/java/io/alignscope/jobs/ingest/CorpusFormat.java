package io.alignscope.jobs.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How corpus files are encoded. {@link #AUTO} infers the format from file name extensions. */
public enum CorpusFormat {
  /** Infer from the extension: see {@link #fromFileName(String)}. */
  AUTO,
  /** One JSON object per line ({@code .jsonl}, {@code .ndjson}). */
  JSONL,
  /** A JSON array of objects per file ({@code .json}). */
  JSON,
  /** Apache Parquet ({@code .parquet}). */
  PARQUET,
  /** Delimited text with an optional header ({@code .csv}, {@code .tsv}). */
  CSV;

  /** Compression suffixes Hadoop decodes transparently; ignored when looking at extensions. */
  private static final List<String> COMPRESSION =
      List.of(".gz", ".bz2", ".zst", ".lz4", ".snappy", ".deflate", ".xz");

  /** The formats a user may name, for error messages. */
  public static final String SUPPORTED =
      "jsonl (.jsonl, .ndjson), json (.json), parquet (.parquet), csv (.csv, .tsv)";

  /**
   * The format a file name's extension implies, ignoring a compression suffix and case: {@code
   * .jsonl}/{@code .ndjson} → JSONL, {@code .json} → JSON, {@code .parquet} → PARQUET, {@code
   * .csv}/{@code .tsv} → CSV.
   */
  public static Optional<CorpusFormat> fromFileName(String fileName) {
    String name = stripCompression(fileName.toLowerCase(Locale.ROOT));
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (name.endsWith(".parquet")) {
      return Optional.of(PARQUET);
    }
    if (name.endsWith(".csv") || name.endsWith(".tsv")) {
      return Optional.of(CSV);
    }
    return Optional.empty();
  }

  /** True for a {@code .tsv} file name (compressed or not): CSV with a tab delimiter. */
  public static boolean isTsv(String fileName) {
    return stripCompression(fileName.toLowerCase(Locale.ROOT)).endsWith(".tsv");
  }

  /**
   * Parses a user-supplied format name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value and the supported formats
   */
  public static CorpusFormat fromName(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unsupported corpus format '" + name + "'; supported: auto, " + SUPPORTED, e);
    }
  }

  private static String stripCompression(String name) {
    for (String suffix : COMPRESSION) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
