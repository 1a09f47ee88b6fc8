package io.alignscope.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@link StableId#derive(String, String, String, String)} as a Spark function: {@code
 * stable_id(prompt, response, chosen, rejected)}; null when the prompt is null.
 */
public final class StableIdUdf implements UDF4<String, String, String, String, String> {

  private static final long serialVersionUID = 1L;

  /** The SQL name used by {@link #register(SparkSession)}. */
  public static final String NAME = "stable_id";

  /** The function as a column expression. */
  public static Column column(Column prompt, Column response, Column chosen, Column rejected) {
    return udf().apply(prompt, response, chosen, rejected);
  }

  /** Registers {@value #NAME} for SQL. */
  public static void register(SparkSession spark) {
    spark.udf().register(NAME, udf());
  }

  private static UserDefinedFunction udf() {
    return functions.udf(new StableIdUdf(), DataTypes.StringType);
  }

  @Override
  public String call(String prompt, String response, String chosen, String rejected) {
    return prompt == null ? null : StableId.derive(prompt, response, chosen, rejected);
  }
}
