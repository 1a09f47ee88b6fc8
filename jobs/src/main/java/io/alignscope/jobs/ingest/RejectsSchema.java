package io.alignscope.jobs.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The dead-letter schema shared by every stage: one row per refused record, with enough to find and
 * fix it.
 *
 * <ul>
 *   <li>{@code id}: the record's id when known
 *   <li>{@code reason} (not null): a short machine-readable label, e.g. {@code "missing-prompt"}
 *   <li>{@code detail} (not null): what exactly is wrong, for a human
 *   <li>{@code raw}: the original record as text (the line for JSONL, the record for CSV, JSON for
 *       other encodings)
 *   <li>{@code origin}: where the record came from, as in {@link CanonicalSchema#ORIGIN}
 *   <li>{@code stage} (not null): the stage that refused it, e.g. {@code "ingest"}
 * </ul>
 */
public final class RejectsSchema {

  public static final String ID = "id";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";
  public static final String RAW = "raw";
  public static final String ORIGIN = "origin";
  public static final String STAGE = "stage";

  public static final StructType SCHEMA =
      new StructType()
          .add(ID, DataTypes.StringType, true)
          .add(REASON, DataTypes.StringType, false)
          .add(DETAIL, DataTypes.StringType, false)
          .add(RAW, DataTypes.StringType, true)
          .add(ORIGIN, DataTypes.StringType, true)
          .add(STAGE, DataTypes.StringType, false);

  private RejectsSchema() {}

  /** A row of {@link #SCHEMA}; reason, detail and stage must not be null. */
  public static Row row(
      String id, String reason, String detail, String raw, String origin, String stage) {
    if (reason == null || detail == null || stage == null) {
      throw new IllegalArgumentException("a reject needs a reason, a detail and a stage");
    }
    return RowFactory.create(id, reason, detail, raw, origin, stage);
  }

  /** {@code df}'s columns of {@link #SCHEMA}, typed exactly so (not-null columns asserted). */
  public static Dataset<Row> conform(Dataset<Row> df) {
    return Schemas.conform(df, SCHEMA);
  }

  /** A dataset of the given reject rows, e.g. for tests or for rejects found on the driver. */
  public static Dataset<Row> of(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, SCHEMA);
  }
}
