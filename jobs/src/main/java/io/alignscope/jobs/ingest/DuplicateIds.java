package io.alignscope.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Rejects every accepted record whose id an earlier accepted record already has; "earlier" means by
 * file name, then position in the file. Records are never merged: the later ones go to the rejects
 * with the origin of the one that was kept.
 */
final class DuplicateIds {

  private static final String ACCEPTED = "_accepted";
  private static final String KEY = "_key";
  private static final String RANK = "_rank";
  private static final String DUPLICATE = "_duplicate";
  private static final String KEPT = "_kept_origin";

  private DuplicateIds() {}

  /**
   * {@code validated} with {@code reason}/{@code detail} set for duplicates. Needs the columns
   * reason, detail, id, origin and the file/block/n position of {@link RawRecords}.
   */
  static Dataset<Row> reject(Dataset<Row> validated) {
    Column accepted = col(ValidateRecordUdf.REASON).isNull();
    // Rejected records are keyed by their own origin so they do not pile into one window partition.
    Column key = when(accepted, col(CanonicalSchema.ID)).otherwise(col(CanonicalSchema.ORIGIN));
    // One partitioning and one frame for both window functions: a single shuffle, a single sort.
    WindowSpec sameId =
        Window.partitionBy(col(ACCEPTED), col(KEY))
            .orderBy(col(RawRecords.FILE), col(RawRecords.BLOCK), col(RawRecords.N))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> ranked =
        validated
            .withColumn(ACCEPTED, accepted)
            .withColumn(KEY, key)
            .withColumn(RANK, row_number().over(sameId))
            .withColumn(KEPT, first(col(CanonicalSchema.ORIGIN)).over(sameId))
            .withColumn(DUPLICATE, col(ACCEPTED).and(col(RANK).gt(1)));
    Column detail =
        concat(lit("id '"), col(CanonicalSchema.ID), lit("' already taken by "), col(KEPT));
    return ranked
        .withColumn(
            ValidateRecordUdf.DETAIL,
            when(col(DUPLICATE), detail).otherwise(col(ValidateRecordUdf.DETAIL)))
        .withColumn(
            ValidateRecordUdf.REASON,
            when(col(DUPLICATE), lit(RejectReason.DUPLICATE_ID.label()))
                .otherwise(col(ValidateRecordUdf.REASON)))
        .drop(ACCEPTED, KEY, RANK, KEPT, DUPLICATE);
  }
}
