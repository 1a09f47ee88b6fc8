package io.alignscope.jobs.ingest;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF7;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark adapter of {@link RowValidator}: converts the text columns of one record to an {@link
 * ExtractedRecord} and the {@link Verdict} to a struct of {@link #RESULT}. No logic of its own.
 */
final class ValidateRecordUdf
    implements UDF7<String, String, String, String, String, String, String, Row> {

  private static final long serialVersionUID = 1L;

  static final String REASON = "reason";
  static final String DETAIL = "detail";

  /** The verdict as a struct; {@code reason} is null for accepted records. */
  static final StructType RESULT =
      new StructType()
          .add(REASON, DataTypes.StringType)
          .add(DETAIL, DataTypes.StringType)
          .add(CanonicalSchema.ID, DataTypes.StringType)
          .add(CanonicalSchema.PROMPT, DataTypes.StringType)
          .add(CanonicalSchema.RESPONSE, DataTypes.StringType)
          .add(CanonicalSchema.MESSAGES, CanonicalSchema.MESSAGES_TYPE);

  private final RowValidator validator;

  private ValidateRecordUdf(RowValidator validator) {
    this.validator = validator;
  }

  /**
   * The verdict column of a record: {@code malformed} is the parse problem (null if none), the
   * other columns the record's text values as in {@link ExtractedRecord}.
   */
  static Column verdict(
      RowValidator validator,
      Column malformed,
      Column id,
      Column prompt,
      Column response,
      Column messages,
      Column chosen,
      Column rejected) {
    return functions
        .udf(new ValidateRecordUdf(validator), RESULT)
        .apply(malformed, id, prompt, response, messages, chosen, rejected);
  }

  @Override
  public Row call(
      String malformed,
      String id,
      String prompt,
      String response,
      String messages,
      String chosen,
      String rejected) {
    Verdict verdict =
        validator.validate(
            new ExtractedRecord(malformed, id, prompt, response, messages, chosen, rejected));
    return RowFactory.create(
        verdict.reason() == null ? null : verdict.reason().label(),
        verdict.detail(),
        verdict.id(),
        verdict.prompt(),
        verdict.response(),
        verdict.messages() == null ? null : toRows(verdict.messages()));
  }

  private static List<Row> toRows(List<ChatMessage> messages) {
    return messages.stream().map(m -> RowFactory.create(m.role(), m.content())).toList();
  }
}
