package io.alignscope.jobs.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * Everything ingestion needs to know about one corpus. Immutable; build with {@link #builder()} or
 * {@link #of(String)}.
 *
 * @param path a local path, {@code file://} or any Hadoop URI ({@code s3a://...}); several paths
 *     separated by commas, globs allowed; or {@link #EMBEDDED_SAMPLE}
 * @param format the encoding; {@link CorpusFormat#AUTO} infers it from extensions
 * @param columns which input columns feed the canonical fields
 * @param limit read at most this many input records; 0 reads all
 * @param maxPromptChars reject prompts with more characters (Unicode code points); 0 = no limit
 * @param maxResponseChars reject responses with more characters; 0 = no limit
 * @param csvHeader whether CSV files start with a header line naming the columns (else the columns
 *     are {@code _c0, _c1, ...})
 * @param csvDelimiter the CSV field delimiter; null means a comma, or a tab for {@code .tsv} files
 */
public record CorpusOptions(
    String path,
    CorpusFormat format,
    ColumnMapping columns,
    int limit,
    int maxPromptChars,
    int maxResponseChars,
    boolean csvHeader,
    String csvDelimiter)
    implements Serializable {

  /** The path that selects the prompt sample shipped in the job jar. */
  public static final String EMBEDDED_SAMPLE = "embedded:sample";

  /** Classpath resource read for {@link #EMBEDDED_SAMPLE}. */
  public static final String EMBEDDED_SAMPLE_RESOURCE = "/io/alignscope/jobs/sample/prompts.jsonl";

  public static final int DEFAULT_MAX_PROMPT_CHARS = 16_000;
  public static final int DEFAULT_MAX_RESPONSE_CHARS = 32_000;

  public CorpusOptions {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("corpus path is empty");
    }
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(columns, "columns");
    requireNonNegative("limit", limit);
    requireNonNegative("maxPromptChars", maxPromptChars);
    requireNonNegative("maxResponseChars", maxResponseChars);
    if (csvDelimiter != null && csvDelimiter.isEmpty()) {
      throw new IllegalArgumentException("csvDelimiter is empty");
    }
  }

  /** Defaults for everything but the path. */
  public static CorpusOptions of(String path) {
    return builder().setPath(path).build();
  }

  /** A builder with the defaults: AUTO format, default columns, no limit, 16000/32000 chars. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .setPath(path)
        .optFormat(format)
        .optColumns(columns)
        .optLimit(limit)
        .optMaxPromptChars(maxPromptChars)
        .optMaxResponseChars(maxResponseChars)
        .optCsvHeader(csvHeader)
        .optCsvDelimiter(csvDelimiter);
  }

  /** True when {@link #path()} names the embedded sample rather than files. */
  public boolean isEmbeddedSample() {
    return EMBEDDED_SAMPLE.equals(path.strip());
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  /** Builder: {@code set*} for the required path, {@code opt*} for the rest. */
  public static final class Builder {
    private String path;
    private CorpusFormat format = CorpusFormat.AUTO;
    private ColumnMapping columns = ColumnMapping.defaults();
    private int limit;
    private int maxPromptChars = DEFAULT_MAX_PROMPT_CHARS;
    private int maxResponseChars = DEFAULT_MAX_RESPONSE_CHARS;
    private boolean csvHeader = true;
    private String csvDelimiter;

    private Builder() {}

    public Builder setPath(String path) {
      this.path = path;
      return this;
    }

    public Builder optFormat(CorpusFormat format) {
      this.format = format;
      return this;
    }

    public Builder optColumns(ColumnMapping columns) {
      this.columns = columns;
      return this;
    }

    /** Shorthand for mapping one field: {@code optColumn(PROMPT, "instruction")}. */
    public Builder optColumn(CanonicalField field, String sourcePath) {
      this.columns = columns.with(field, sourcePath);
      return this;
    }

    public Builder optLimit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder optMaxPromptChars(int maxPromptChars) {
      this.maxPromptChars = maxPromptChars;
      return this;
    }

    public Builder optMaxResponseChars(int maxResponseChars) {
      this.maxResponseChars = maxResponseChars;
      return this;
    }

    public Builder optCsvHeader(boolean csvHeader) {
      this.csvHeader = csvHeader;
      return this;
    }

    public Builder optCsvDelimiter(String csvDelimiter) {
      this.csvDelimiter = csvDelimiter;
      return this;
    }

    public CorpusOptions build() {
      return new CorpusOptions(
          path, format, columns, limit, maxPromptChars, maxResponseChars, csvHeader, csvDelimiter);
    }
  }
}
