package io.alignscope.jobs.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Input records of any format in one shape, before mapping and checks. The frame has one row per
 * input record with the columns named by the constants here.
 *
 * @param frame the records
 * @param dataSchema the type of {@link #DATA}: the corpus's own columns, for resolving mappings
 */
record RawRecords(Dataset<Row> frame, StructType dataSchema) {

  /** The parsed record as a struct of the corpus's columns (all null when malformed). */
  static final String DATA = "data";

  /** The record as text: the line, the CSV record, or a JSON rendering. */
  static final String RAW = "raw";

  /** Why the record could not be parsed, or null. */
  static final String MALFORMED = "malformed";

  /** The file the record came from, as a URI. */
  static final String FILE = "file";

  /** Byte offset of the file split that held the record (0 unless Spark split the file). */
  static final String BLOCK = "block";

  /** 1-based position of the record in its split (for JSONL: line number, blank lines counted). */
  static final String N = "n";
}
