package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.jobs.config.SelectionScore;
import io.alignscope.jobs.ingest.CanonicalSchema;
import io.alignscope.jobs.ingest.CorpusOptions;
import io.alignscope.jobs.ingest.CorpusReader;
import io.alignscope.jobs.ingest.IngestResult;
import io.alignscope.stats.ZipFit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores computed from text alone, on Spark executors without models.
 *
 * <ul>
 *   <li>the {@link TextQuality} heuristics of prompt and answer;
 *   <li>{@code zipfit}: ZIP-FIT task fit of the example text ({@link #exampleText}) against the
 *       target corpus {@code select.zipfit.target}, {@code 1 − mean NCD} over a sample of {@code
 *       select.zipfit.target-sample} target examples, gzip at {@code select.zipfit.level}. The
 *       sample is the first rows in the seeded order of their ids ({@link SeededOrder}), so it is
 *       the same on every run with the same seed, and it is broadcast. Null when no target is set.
 * </ul>
 *
 * The example text is the prompt, a newline and the answer (response, else chosen); a target
 * example's text is built the same way from its prompt and response.
 */
public final class TextScores {
  public static final String ZIPFIT = SelectionScore.ZIPFIT.column();
  private static final String QUALITY = "_quality";
  static final StructType QUALITY_TYPE = new StructType()
      .add("prompt_words", DataTypes.IntegerType, false)
      .add("answer_words", DataTypes.IntegerType, false)
      .add("answer_chars", DataTypes.IntegerType, false)
      .add("repeated_ngram_ratio", DataTypes.DoubleType, false)
      .add("symbol_ratio", DataTypes.DoubleType, false);

  private TextScores() {}

  /** The text an example is compared and deduplicated by: prompt, newline, answer (if any). */
  public static String exampleText(String prompt, String answer) {
    String p = prompt == null ? "" : prompt;
    return answer == null ? p : p + "\n" + answer;
  }

  /** The answer column of canonical rows: response, else chosen. */
  public static Column answer() {
    return functions.coalesce(col(CanonicalSchema.RESPONSE), col(CanonicalSchema.CHOSEN));
  }

  /** {@link #exampleText} of canonical rows as a column. */
  public static Column exampleText() {
    UserDefinedFunction text = functions.udf((UDF2<String, String, String>) TextScores::exampleText,
        DataTypes.StringType);
    return text.apply(col(CanonicalSchema.PROMPT), answer());
  }

  /** {@code rows} (canonical columns) with the quality columns and {@code zipfit}. */
  public static Dataset<Row> add(SparkSession spark, Dataset<Row> rows, SelectSettings settings) {
    UserDefinedFunction quality = functions.udf((UDF2<String, String, Row>) (prompt, answer) -> {
      TextQuality q = TextQuality.of(prompt, answer);
      return RowFactory.create(q.promptWords(), q.answerWords(), q.answerChars(), q.repeatedNgramRatio(),
          q.symbolRatio());
    }, QUALITY_TYPE);
    Dataset<Row> out = rows.withColumn(QUALITY, quality.apply(col(CanonicalSchema.PROMPT), answer()));
    for (String field : QUALITY_TYPE.fieldNames()) {
      out = out.withColumn(field, col(QUALITY + "." + field));
    }
    out = out.drop(QUALITY);
    if (settings.zipfitTarget().isBlank()) {
      return out.withColumn(ZIPFIT, lit(null).cast(DataTypes.DoubleType));
    }
    List<String> targets = targetSample(spark, settings.zipfitTarget(), settings.zipfitTargetSample(),
        settings.seed());
    return out.withColumn(ZIPFIT, zipFit(spark, targets, settings.zipfitLevel()).apply(exampleText()));
  }

  /** A UDF scoring a text against {@code targets} (broadcast once). */
  public static UserDefinedFunction zipFit(SparkSession spark, List<String> targets, int level) {
    Broadcast<List<String>> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(targets);
    return functions.udf((UDF1<String, Double>) text -> text == null ? null : ZipFit.score(text, shared.value(), level),
        DataTypes.DoubleType);
  }

  /**
   * The texts of the first {@code sample} accepted rows of the target corpus in the seeded order
   * of their ids.
   *
   * @throws IllegalArgumentException when the target corpus has no accepted rows
   */
  public static List<String> targetSample(SparkSession spark, String target, int sample, long seed) {
    try (IngestResult read = new CorpusReader(spark).read(CorpusOptions.of(target))) {
      UserDefinedFunction key = seededKey(seed);
      List<Row> rows = read.accepted()
          .select(col(CanonicalSchema.ID), col(CanonicalSchema.PROMPT), col(CanonicalSchema.RESPONSE))
          .withColumn("_key", key.apply(col(CanonicalSchema.ID)))
          .orderBy(col("_key"), col(CanonicalSchema.ID)).limit(sample).collectAsList();
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("select.zipfit.target = " + target + " has no accepted rows");
      }
      List<String> texts = new ArrayList<>();
      for (Row r : rows) {
        texts.add(exampleText(r.getString(1), r.isNullAt(2) ? null : r.getString(2)));
      }
      return texts;
    }
  }

  /** {@link SeededOrder#key} as a UDF on an id column. */
  public static UserDefinedFunction seededKey(long seed) {
    return functions.udf((UDF1<String, Long>) id -> SeededOrder.key(seed, id), DataTypes.LongType);
  }
}
