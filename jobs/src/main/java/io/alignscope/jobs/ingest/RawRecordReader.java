package io.alignscope.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_csv;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads corpus files of each format into {@link RawRecords}. Unparseable records are kept, marked
 * malformed, using Spark's PERMISSIVE mode with a corrupt-record column. Inferring a schema reads
 * the JSON input once; the records themselves are read lazily.
 *
 * <p>JSON values are read as text ({@code primitivesAsString}), so ids and other fields keep the
 * digits as written and a field of mixed types does not fail the read.
 */
final class RawRecordReader {

  /** Spark's corrupt-record column, named so it cannot clash with a corpus column. */
  private static final String CORRUPT = "__alignscope_corrupt_record";

  private static final String BAD_JSON_LINE = "line is not a valid JSON object";
  private static final String BAD_JSON_RECORD = "file is not a valid JSON array of objects";
  private static final String BAD_CSV_RECORD =
      "CSV record has the wrong number of fields or broken quoting";

  private static final StructType LINES =
      new StructType()
          .add(RawRecords.RAW, DataTypes.StringType)
          .add(RawRecords.FILE, DataTypes.StringType, false)
          .add(RawRecords.BLOCK, DataTypes.LongType, false)
          .add(RawRecords.N, DataTypes.LongType, false);

  private final SparkSession spark;

  RawRecordReader(SparkSession spark) {
    this.spark = spark;
  }

  /** The records of the files of {@code corpus}. */
  RawRecords read(ResolvedCorpus corpus, boolean csvHeader) {
    return switch (corpus.format()) {
      case JSONL -> jsonLines(corpus);
      case JSON -> jsonArrays(corpus);
      case CSV -> csv(corpus, csvHeader);
      case PARQUET -> parquet(corpus);
      case AUTO -> throw new IllegalStateException("format not resolved");
    };
  }

  /** The records of a JSONL classpath resource, with origins {@code <name>#<line>}. */
  RawRecords readEmbedded(String resource, String name) {
    List<String> lines = EmbeddedCorpus.lines(resource);
    List<Row> rows =
        IntStream.range(0, lines.size())
            .mapToObj(i -> RowFactory.create(lines.get(i), name, 0L, i + 1L))
            .toList();
    return parseJsonLines(
        spark.createDataFrame(rows, LINES), spark.createDataset(lines, Encoders.STRING()), name);
  }

  private RawRecords jsonLines(ResolvedCorpus corpus) {
    Dataset<Row> text = spark.read().text(corpus.pathArray());
    Dataset<Row> scan =
        text.select(text.col("value").as(RawRecords.RAW), fileOf(text), blockOf(text));
    return parseJsonLines(
        RecordNumberer.number(scan), text.select("value").as(Encoders.STRING()), corpus.describe());
  }

  /** Parses numbered text lines; the raw line is kept verbatim for the rejects. */
  private RawRecords parseJsonLines(
      Dataset<Row> numberedLines, Dataset<String> allLines, String where) {
    StructType dataSchema =
        requireColumns(withoutCorrupt(jsonReader().json(allLines).schema()), where);
    Column parsed =
        from_json(
            col(RawRecords.RAW),
            dataSchema.add(CORRUPT, DataTypes.StringType),
            Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT));
    Column unparsed =
        col(RawRecords.DATA).isNull().or(col(RawRecords.DATA).getField(CORRUPT).isNotNull());
    // Like Spark's own JSON reader, blank lines are not records (but they do count as lines).
    Dataset<Row> frame =
        numberedLines
            .filter(col(RawRecords.RAW).rlike("\\S"))
            .withColumn(RawRecords.DATA, parsed)
            .withColumn(RawRecords.MALFORMED, when(unparsed, lit(BAD_JSON_LINE)));
    return new RawRecords(frame, dataSchema);
  }

  private RawRecords jsonArrays(ResolvedCorpus corpus) {
    StructType inferred =
        jsonReader().option("multiLine", "true").json(corpus.pathArray()).schema();
    StructType dataSchema = requireColumns(withoutCorrupt(inferred), corpus.describe());
    Dataset<Row> df =
        jsonReader()
            .option("multiLine", "true")
            .schema(dataSchema.add(CORRUPT, DataTypes.StringType))
            .json(corpus.pathArray());
    return structured(df, dataSchema, functions::to_json, BAD_JSON_RECORD);
  }

  private RawRecords csv(ResolvedCorpus corpus, boolean header) {
    StructType dataSchema =
        requireColumns(
            csvReader(corpus, header).csv(corpus.pathArray()).schema(), corpus.describe());
    Dataset<Row> df =
        csvReader(corpus, header)
            .schema(dataSchema.add(CORRUPT, DataTypes.StringType))
            .csv(corpus.pathArray());
    Map<String, String> style = csvStyle(corpus.csvDelimiter());
    return structured(df, dataSchema, data -> to_csv(data, style), BAD_CSV_RECORD);
  }

  private RawRecords parquet(ResolvedCorpus corpus) {
    Dataset<Row> df = spark.read().parquet(corpus.pathArray());
    return structured(df, requireColumns(df.schema(), corpus.describe()), functions::to_json, null);
  }

  /**
   * Frames a DataFrame whose columns are the corpus columns (plus, for text formats, the corrupt
   * record column): the raw text is the corrupt record when there is one, else {@code render} of
   * the parsed columns.
   */
  private static RawRecords structured(
      Dataset<Row> df, StructType dataSchema, UnaryOperator<Column> render, String badRecord) {
    Column data =
        struct(
            Arrays.stream(dataSchema.fieldNames())
                .map(n -> df.col(quote(n)))
                .toArray(Column[]::new));
    boolean hasCorrupt = Arrays.asList(df.columns()).contains(CORRUPT);
    Column corrupt = hasCorrupt ? df.col(CORRUPT) : lit(null).cast(DataTypes.StringType);
    Dataset<Row> scan =
        df.select(
            data.as(RawRecords.DATA),
            coalesce(corrupt, render.apply(data)).as(RawRecords.RAW),
            when(corrupt.isNotNull(), lit(badRecord)).as(RawRecords.MALFORMED),
            fileOf(df),
            blockOf(df));
    return new RawRecords(RecordNumberer.number(scan), dataSchema);
  }

  private DataFrameReader jsonReader() {
    return spark
        .read()
        .option("primitivesAsString", "true")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT);
  }

  /** RFC 4180 CSV: quoted fields may hold delimiters and newlines, quotes double to escape. */
  private DataFrameReader csvReader(ResolvedCorpus corpus, boolean header) {
    return spark
        .read()
        .options(csvStyle(corpus.csvDelimiter()))
        .option("header", Boolean.toString(header))
        .option("multiLine", "true")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT);
  }

  private static Map<String, String> csvStyle(String delimiter) {
    return Map.of("sep", delimiter, "quote", "\"", "escape", "\"");
  }

  private static Column fileOf(Dataset<Row> scan) {
    return scan.metadataColumn("_metadata").getField("file_path").as(RawRecords.FILE);
  }

  private static Column blockOf(Dataset<Row> scan) {
    return scan.metadataColumn("_metadata").getField("file_block_start").as(RawRecords.BLOCK);
  }

  private static StructType withoutCorrupt(StructType schema) {
    return new StructType(
        Arrays.stream(schema.fields())
            .filter(f -> !f.name().equals(CORRUPT))
            .toArray(StructField[]::new));
  }

  private static StructType requireColumns(StructType dataSchema, String where) {
    if (dataSchema.isEmpty()) {
      throw new IllegalArgumentException(
          "found no columns in corpus '" + where + "': it is empty or none of its records parsed");
    }
    return dataSchema;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
