package io.alignscope.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of reading one corpus: accepted rows in {@link CanonicalSchema#SCHEMA} and rejects in
 * {@link RejectsSchema#SCHEMA}. Both are views of one persisted dataset, so writing both and
 * counting read the input once. {@link #close()} releases it.
 */
public final class IngestResult implements AutoCloseable {

  private final Dataset<Row> outcome;
  private final Dataset<Row> accepted;
  private final Dataset<Row> rejects;
  private IngestCounts counts;

  /**
   * @param outcome one row per input record with the canonical columns, the verdict's {@code
   *     reason} and {@code detail} (null when accepted) and the {@code raw} text; persisted
   * @param stage the stage name written to the rejects
   */
  IngestResult(Dataset<Row> outcome, String stage) {
    this.outcome = outcome;
    this.accepted = CanonicalSchema.conform(outcome.filter(col(ValidateRecordUdf.REASON).isNull()));
    this.rejects =
        RejectsSchema.conform(
            outcome
                .filter(col(ValidateRecordUdf.REASON).isNotNull())
                .select(
                    col(CanonicalSchema.ID).as(RejectsSchema.ID),
                    col(ValidateRecordUdf.REASON).as(RejectsSchema.REASON),
                    col(ValidateRecordUdf.DETAIL).as(RejectsSchema.DETAIL),
                    col(RawRecords.RAW).as(RejectsSchema.RAW),
                    col(CanonicalSchema.ORIGIN).as(RejectsSchema.ORIGIN),
                    lit(stage).as(RejectsSchema.STAGE)));
  }

  /** Accepted rows, {@link CanonicalSchema#SCHEMA}. */
  public Dataset<Row> accepted() {
    return accepted;
  }

  /** Refused rows with their reasons and original text, {@link RejectsSchema#SCHEMA}. */
  public Dataset<Row> rejects() {
    return rejects;
  }

  /** Row counts, computed once by a single Spark job over the persisted outcome. */
  public synchronized IngestCounts counts() {
    if (counts == null) {
      long acceptedRows = 0;
      Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
      for (Row row : outcome.groupBy(ValidateRecordUdf.REASON).count().collectAsList()) {
        if (row.isNullAt(0)) {
          acceptedRows = row.getLong(1);
        } else {
          rejected.put(RejectReason.fromLabel(row.getString(0)), row.getLong(1));
        }
      }
      counts = IngestCounts.of(acceptedRows, rejected);
    }
    return counts;
  }

  /** Releases the persisted outcome; the datasets stay usable but recompute from the input. */
  @Override
  public void close() {
    outcome.unpersist();
  }
}
