package io.alignscope.jobs.exec;

import io.alignscope.jobs.ingest.RejectsSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One schema for everything a model stage emits: the stage's result columns (all nullable) plus a
 * {@code _reject} struct that is null for results. After one pass the two are split into the
 * stage's table and the rejects table.
 */
public final class StageOutput {
  static final String REJECT = "_reject";
  private static final StructType REJECT_TYPE = new StructType()
      .add("id", DataTypes.StringType)
      .add(RejectsSchema.REASON, DataTypes.StringType)
      .add(RejectsSchema.DETAIL, DataTypes.StringType)
      .add(RejectsSchema.RAW, DataTypes.StringType)
      .add(RejectsSchema.ORIGIN, DataTypes.StringType);

  private StageOutput() {}

  /** The combined schema for a stage's result schema. */
  public static StructType schema(StructType result) {
    StructType combined = new StructType();
    for (StructField f : result.fields()) {
      combined = combined.add(f.name(), f.dataType(), true);
    }
    return combined.add(REJECT, REJECT_TYPE, true);
  }

  static Row result(Row result) {
    Object[] values = new Object[result.size() + 1];
    for (int i = 0; i < result.size(); i++) {
      values[i] = result.get(i);
    }
    return RowFactory.create(values);
  }

  static Row reject(StageReject reject, int resultColumns) {
    Object[] values = new Object[resultColumns + 1];
    PromptRecord r = reject.record();
    values[resultColumns] = RowFactory.create(r.id(), reject.reason(), reject.detail(), PromptRows.toJson(r), r.origin());
    return RowFactory.create(values);
  }

  /** The results, in the stage's own schema. */
  public static Dataset<Row> results(Dataset<Row> combined, StructType result) {
    Column[] columns = new Column[result.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = functions.col(result.fields()[i].name());
    }
    return combined.filter(functions.col(REJECT).isNull()).select(columns);
  }

  /** The rejects, in {@link RejectsSchema#SCHEMA}, labelled with {@code stage}. */
  public static Dataset<Row> rejects(Dataset<Row> combined, String stage) {
    return combined.filter(functions.col(REJECT).isNotNull()).select(
        functions.col(REJECT + ".id").as(RejectsSchema.ID),
        functions.col(REJECT + "." + RejectsSchema.REASON).as(RejectsSchema.REASON),
        functions.col(REJECT + "." + RejectsSchema.DETAIL).as(RejectsSchema.DETAIL),
        functions.col(REJECT + "." + RejectsSchema.RAW).as(RejectsSchema.RAW),
        functions.col(REJECT + "." + RejectsSchema.ORIGIN).as(RejectsSchema.ORIGIN),
        functions.lit(stage).as(RejectsSchema.STAGE));
  }
}
