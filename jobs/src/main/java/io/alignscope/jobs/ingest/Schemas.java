package io.alignscope.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.KnownNullable;
import org.apache.spark.sql.catalyst.expressions.objects.AssertNotNull;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Makes a dataset carry exactly a declared schema, nullability included, so every stage writes and
 * reads the same types. Spark cannot infer nullability through a UDF or a filter, hence the two
 * catalyst tagging expressions.
 */
final class Schemas {

  private Schemas() {}

  /**
   * The columns of {@code schema}, in its order, taken by name from {@code df}. A column declared
   * not null is wrapped in a null assertion (the job fails loudly should a null ever appear); a
   * column declared nullable that Spark knows to be non-null is marked nullable.
   *
   * @throws org.apache.spark.sql.AnalysisException when a column is missing or of another type
   */
  static Dataset<Row> conform(Dataset<Row> df, StructType schema) {
    StructType actual = df.schema();
    Column[] columns =
        Arrays.stream(schema.fields())
            .map(f -> withNullability(col(f.name()), f, actual.apply(f.name()).nullable()))
            .toArray(Column[]::new);
    return df.select(columns).to(schema);
  }

  private static Column withNullability(Column column, StructField declared, boolean nullable) {
    if (!declared.nullable() && nullable) {
      column = new Column(new AssertNotNull(column.expr(), AssertNotNull.apply$default$2()));
    } else if (declared.nullable() && !nullable) {
      column = new Column(new KnownNullable(column.expr()));
    }
    return column.as(declared.name());
  }
}
