package io.alignscope.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads a prompt corpus into canonical rows plus rejects: resolve the files, read them as raw
 * records, map columns, validate each record with {@link RowValidator}, derive missing ids, and
 * reject later duplicates of an id. Every input record ends up in exactly one of the two outputs.
 *
 * <p>Configuration problems (a path that matches nothing, a format that cannot be inferred, a
 * mapping that does not resolve, no prompt column) throw {@link IllegalArgumentException} from
 * {@link #read} before any job over the records runs; only listing files and inferring the schema
 * happen first.
 */
public final class CorpusReader {

  /** Stage name written to the rejects. */
  public static final String STAGE = "ingest";

  private static final String VERDICT = "_verdict";

  private final SparkSession spark;
  private final String embeddedResource;

  public CorpusReader(SparkSession spark) {
    this(spark, CorpusOptions.EMBEDDED_SAMPLE_RESOURCE);
  }

  /** For tests: serve {@link CorpusOptions#EMBEDDED_SAMPLE} from another classpath resource. */
  CorpusReader(SparkSession spark, String embeddedResource) {
    this.spark = spark;
    this.embeddedResource = embeddedResource;
  }

  /** Reads the corpus of {@code options}; the result's datasets are lazy and share one cache. */
  public IngestResult read(CorpusOptions options) {
    RawRecords raw = load(options);
    Map<CanonicalField, Column> text =
        ColumnResolver.resolve(raw.dataSchema(), options.columns(), options.path());
    Dataset<Row> records = options.limit() > 0 ? raw.frame().limit(options.limit()) : raw.frame();
    Column verdict =
        ValidateRecordUdf.verdict(
            RowValidator.from(options),
            col(RawRecords.MALFORMED),
            text.get(CanonicalField.ID),
            text.get(CanonicalField.PROMPT),
            text.get(CanonicalField.RESPONSE),
            text.get(CanonicalField.MESSAGES),
            text.get(CanonicalField.CHOSEN),
            text.get(CanonicalField.REJECTED));
    Dataset<Row> validated =
        records
            .select(
                col(RawRecords.FILE),
                col(RawRecords.BLOCK),
                col(RawRecords.N),
                col(RawRecords.RAW),
                origin().as(CanonicalSchema.ORIGIN),
                text.get(CanonicalField.SOURCE).as(CanonicalSchema.SOURCE),
                text.get(CanonicalField.CHOSEN).as(CanonicalSchema.CHOSEN),
                text.get(CanonicalField.REJECTED).as(CanonicalSchema.REJECTED),
                verdict.as(VERDICT))
            .select(col("*"), col(VERDICT + ".*"))
            .drop(VERDICT);
    Dataset<Row> outcome = DuplicateIds.reject(validated).persist(StorageLevel.MEMORY_AND_DISK());
    return new IngestResult(outcome, STAGE);
  }

  private RawRecords load(CorpusOptions options) {
    RawRecordReader reader = new RawRecordReader(spark);
    if (options.isEmbeddedSample()) {
      return reader.readEmbedded(embeddedResource, CorpusOptions.EMBEDDED_SAMPLE);
    }
    ResolvedCorpus corpus =
        new CorpusLocator(spark.sparkContext().hadoopConfiguration()).resolve(options);
    return reader.read(corpus, options.csvHeader());
  }

  /** {@code <file>#<n>}, or {@code <file>@<split offset>#<n>} beyond a file's first split. */
  private static Column origin() {
    Column file = col(RawRecords.FILE);
    Column n = col(RawRecords.N);
    return when(col(RawRecords.BLOCK).equalTo(0), concat(file, lit("#"), n))
        .otherwise(concat(file, lit("@"), col(RawRecords.BLOCK), lit("#"), n));
  }
}
