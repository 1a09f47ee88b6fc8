package io.alignscope.jobs.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of accepted corpus rows, which every later stage reads.
 *
 * <ul>
 *   <li>{@code id} (not null): the given id, or a {@link StableId} derived from the content
 *   <li>{@code prompt} (not null): for chat input the content of the last user turn
 *   <li>{@code response}: for chat input without a response column, the assistant turn after the
 *       last user turn, if any
 *   <li>{@code source}: free-form provenance carried over from the input
 *   <li>{@code messages}: for chat input, the conversation up to and including the last user turn
 *   <li>{@code chosen}, {@code rejected}: preference data
 *   <li>{@code origin} (not null): {@code <file>#<n>}, the n-th record (1-based) of the file; for
 *       JSONL n is the line number. Records of a large file that Spark split read {@code
 *       <file>@<byte offset of the split>#<n-th record of the split>}
 * </ul>
 */
public final class CanonicalSchema {

  public static final String ID = "id";
  public static final String PROMPT = "prompt";
  public static final String RESPONSE = "response";
  public static final String SOURCE = "source";
  public static final String MESSAGES = "messages";
  public static final String CHOSEN = "chosen";
  public static final String REJECTED = "rejected";
  public static final String ORIGIN = "origin";

  public static final String ROLE = "role";
  public static final String CONTENT = "content";

  /** One chat turn: {@code struct<role: string, content: string>}. */
  public static final StructType MESSAGE =
      new StructType()
          .add(ROLE, DataTypes.StringType, false)
          .add(CONTENT, DataTypes.StringType, false);

  /** {@code array<struct<role, content>>}. */
  public static final ArrayType MESSAGES_TYPE = DataTypes.createArrayType(MESSAGE, false);

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            string(ID, false),
            string(PROMPT, false),
            string(RESPONSE, true),
            string(SOURCE, true),
            DataTypes.createStructField(MESSAGES, MESSAGES_TYPE, true),
            string(CHOSEN, true),
            string(REJECTED, true),
            string(ORIGIN, false)
          });

  private CanonicalSchema() {}

  /** {@code df}'s columns of {@link #SCHEMA}, typed exactly so (not-null columns asserted). */
  public static Dataset<Row> conform(Dataset<Row> df) {
    return Schemas.conform(df, SCHEMA);
  }

  private static StructField string(String name, boolean nullable) {
    return DataTypes.createStructField(name, DataTypes.StringType, nullable);
  }
}
