package io.alignscope.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a {@link ColumnMapping} into one text column per canonical field, checked against the
 * corpus schema before any data is read. Names match exactly, else case-insensitively when that is
 * unambiguous. Values become text: strings as they are, numbers and booleans as their digits,
 * structs and arrays as JSON.
 */
final class ColumnResolver {

  private static final Column NULL_TEXT = lit(null).cast(DataTypes.StringType);

  private ColumnResolver() {}

  /**
   * A text column over {@link RawRecords#DATA} for every canonical field; null literals for default
   * columns the corpus does not have.
   *
   * @throws IllegalArgumentException naming the mapping and the available columns when an explicit
   *     mapping does not resolve, or when there is neither a prompt nor a messages column
   */
  static Map<CanonicalField, Column> resolve(
      StructType dataSchema, ColumnMapping mapping, String corpus) {
    Map<CanonicalField, Optional<Column>> found = new EnumMap<>(CanonicalField.class);
    for (CanonicalField field : CanonicalField.values()) {
      found.put(field, find(dataSchema, mapping, field, corpus));
    }
    if (found.get(CanonicalField.PROMPT).isEmpty()
        && found.get(CanonicalField.MESSAGES).isEmpty()) {
      throw new IllegalArgumentException(
          "corpus '"
              + corpus
              + "' has no prompt column '"
              + mapping.sourceFor(CanonicalField.PROMPT)
              + "' and no messages column '"
              + mapping.sourceFor(CanonicalField.MESSAGES)
              + "'; map one, e.g. prompt=<column> (columns: "
              + names(dataSchema)
              + ")");
    }
    Map<CanonicalField, Column> columns = new EnumMap<>(CanonicalField.class);
    found.forEach((field, column) -> columns.put(field, column.orElse(NULL_TEXT)));
    return columns;
  }

  private static Optional<Column> find(
      StructType schema, ColumnMapping mapping, CanonicalField field, String corpus) {
    String source = mapping.sourceFor(field);
    Optional<StructField> topLevel = fieldNamed(schema, source); // a name may itself hold dots
    if (topLevel.isPresent()) {
      StructField f = topLevel.get();
      return Optional.of(asText(col(RawRecords.DATA).getField(f.name()), f.dataType()));
    }
    if (!mapping.isExplicit(field)) {
      return Optional.empty();
    }
    return Optional.of(walk(schema, ColumnPath.parse(source), field, corpus));
  }

  /** Follows a nested path, failing at the first step that does not resolve. */
  private static Column walk(
      StructType schema, ColumnPath path, CanonicalField field, String corpus) {
    Column column = col(RawRecords.DATA);
    DataType type = schema;
    StringBuilder at = new StringBuilder();
    for (ColumnPath.Segment segment : path.segments()) {
      String where = at.length() == 0 ? "the corpus" : "'" + at + "'";
      if (segment instanceof ColumnPath.Field named) {
        if (!(type instanceof StructType struct)) {
          throw badMapping(
              field, path, corpus, where + " is " + type.simpleString() + ", not a struct");
        }
        StructField f =
            fieldNamed(struct, named.name())
                .orElseThrow(
                    () ->
                        badMapping(
                            field,
                            path,
                            corpus,
                            "no field '"
                                + named.name()
                                + "' in "
                                + where
                                + " (fields: "
                                + names(struct)
                                + ")"));
        column = column.getField(f.name());
        type = f.dataType();
        at.append(at.length() == 0 ? "" : ".").append(f.name());
      } else {
        int index = ((ColumnPath.Index) segment).index();
        if (!(type instanceof ArrayType array)) {
          throw badMapping(
              field, path, corpus, where + " is " + type.simpleString() + ", not an array");
        }
        column = functions.get(column, lit(index)); // null past the end, even in ANSI mode
        type = array.elementType();
        at.append('[').append(index).append(']');
      }
    }
    return asText(column, type);
  }

  private static IllegalArgumentException badMapping(
      CanonicalField field, ColumnPath path, String corpus, String problem) {
    return new IllegalArgumentException(
        "column mapping "
            + field.columnName()
            + "="
            + path
            + " does not resolve in corpus '"
            + corpus
            + "': "
            + problem);
  }

  private static Optional<StructField> fieldNamed(StructType struct, String name) {
    Optional<StructField> exact =
        Arrays.stream(struct.fields()).filter(f -> f.name().equals(name)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    List<StructField> loose =
        Arrays.stream(struct.fields()).filter(f -> f.name().equalsIgnoreCase(name)).toList();
    return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
  }

  private static Column asText(Column column, DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return column;
    }
    if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
      return functions.to_json(column);
    }
    return column.cast(DataTypes.StringType);
  }

  private static String names(StructType struct) {
    return String.join(", ", struct.fieldNames());
  }
}
