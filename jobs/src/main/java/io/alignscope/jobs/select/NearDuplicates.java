package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import io.alignscope.jobs.ingest.CanonicalSchema;
import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Near-duplicate removal with MinHash LSH (Spark ML).
 *
 * <p>Each row's text becomes its set of {@link Shingles} (word 3-grams), hashed into a binary
 * sparse vector ({@link HashingTF}, 2^20 features). {@link MinHashLSH} buckets the vectors and an
 * {@code approxSimilarityJoin} of the rows with themselves returns every pair whose exact Jaccard
 * distance is below {@code 1 − threshold}, i.e. whose Jaccard similarity is above the threshold
 * (pairs that share no bucket in any hash table are missed: LSH trades recall for speed; more hash
 * tables miss fewer).
 *
 * <p>The rule: a row is dropped when it has a near-duplicate with a smaller id (ids compared as
 * strings); {@code duplicate_of} is the smallest such id. Every pair has a smaller member, so no
 * two kept rows are near-duplicates of each other, and the smallest id of every group of copies is
 * kept. Chains follow the same rule without special cases: with A &lt; B &lt; C, A~B and B~C but
 * not A~C, both B (duplicate of A) and C (duplicate of B) are dropped, although C's only
 * near-duplicate is dropped too.
 *
 * <p>Rows without any word have no shingles; they are not compared and never marked.
 */
public final class NearDuplicates {
  public static final String DUPLICATE_OF = "duplicate_of";
  public static final String DUPLICATE_SIMILARITY = "duplicate_similarity";
  public static final String SHINGLE_COUNT = "shingle_count";
  private static final int FEATURES = 1 << 20;

  private NearDuplicates() {}

  /**
   * {@code rows} with {@code shingle_count}, {@code duplicate_of} and {@code duplicate_similarity}
   * (Jaccard similarity to {@code duplicate_of}; both null for kept rows).
   *
   * @param text the column to shingle
   * @param threshold Jaccard similarity above which rows are near-duplicates
   * @param hashTables MinHash hash tables
   * @param seed MinHash seed
   */
  public static Dataset<Row> mark(Dataset<Row> rows, Column text, double threshold, int hashTables, long seed) {
    UserDefinedFunction shingles = functions.udf((UDF1<String, List<String>>) Shingles::of,
        DataTypes.createArrayType(DataTypes.StringType, false));
    Dataset<Row> shingled = rows.select(col(CanonicalSchema.ID), shingles.apply(text).as("shingles"));
    Dataset<Row> vectors = new HashingTF().setInputCol("shingles").setOutputCol("features")
        .setNumFeatures(FEATURES).setBinary(true)
        .transform(shingled.filter(size(col("shingles")).gt(0)))
        .select(CanonicalSchema.ID, "features");
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(hashTables).setSeed(seed)
        .setInputCol("features").setOutputCol("hashes").fit(vectors);
    Dataset<Row> hashed = model.transform(vectors);
    Dataset<Row> pairs = model.approxSimilarityJoin(hashed, hashed, 1 - threshold, "distance")
        .filter(col("datasetA." + CanonicalSchema.ID).lt(col("datasetB." + CanonicalSchema.ID)))
        .select(col("datasetA." + CanonicalSchema.ID).as("a"), col("datasetB." + CanonicalSchema.ID).as("b"),
            col("distance"));
    Dataset<Row> counts = shingled.select(col(CanonicalSchema.ID), size(col("shingles")).as(SHINGLE_COUNT));
    return rows.join(counts, CanonicalSchema.ID).join(duplicateOf(pairs), CanonicalSchema.ID, "left");
  }

  /**
   * The rule applied to near-duplicate pairs {@code (a, b, distance)} with {@code a < b}: one row
   * per {@code b} with {@code duplicate_of} = its smallest {@code a} and {@code
   * duplicate_similarity} = 1 − that pair's Jaccard distance.
   */
  public static Dataset<Row> duplicateOf(Dataset<Row> pairs) {
    return pairs.groupBy(col("b").as(CanonicalSchema.ID))
        .agg(min(struct(col("a"), col("distance"))).as("m"))
        .select(col(CanonicalSchema.ID), col("m.a").as(DUPLICATE_OF),
            lit(1.0).minus(col("m.distance")).as(DUPLICATE_SIMILARITY));
  }

  /** {@code rows} with the dedup columns all null (dedup disabled). */
  public static Dataset<Row> none(Dataset<Row> rows) {
    return rows.withColumn(SHINGLE_COUNT, lit(null).cast(DataTypes.IntegerType))
        .withColumn(DUPLICATE_OF, lit(null).cast(DataTypes.StringType))
        .withColumn(DUPLICATE_SIMILARITY, lit(null).cast(DataTypes.DoubleType));
  }
}
