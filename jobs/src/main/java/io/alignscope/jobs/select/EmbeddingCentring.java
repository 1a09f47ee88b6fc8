package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Centres the embeddings on their mean and renormalises them. Language-model hidden states share
 * a large common component (anisotropy), so raw cosines crowd near 1 and a DEITA threshold such
 * as 0.9 refuses nearly everything; centred, the cosines measure how examples differ.
 */
final class EmbeddingCentring {
  private EmbeddingCentring() {}

  /** The mean embedding (one aggregation), or an empty array when there are no embeddings. */
  static double[] mean(Dataset<Row> rows) {
    List<Row> means = rows.select(posexplode(col(ModelScoreSchema.EMBEDDING)).as(new String[] {"j", "v"}))
        .groupBy("j").agg(avg(col("v"))).orderBy("j").collectAsList();
    double[] mean = new double[means.size()];
    for (Row r : means) {
      mean[r.getInt(0)] = r.getDouble(1);
    }
    return mean;
  }

  /** {@code rows} with the embedding column centred on {@code mean} and renormalised. */
  static Dataset<Row> centre(Dataset<Row> rows, double[] mean) {
    UserDefinedFunction centred = udf((UDF1<Seq<Float>, float[]>) e -> e == null ? null
        : Embeddings.centredNormalised(Embeddings.fromList(JavaConverters.seqAsJavaList(e)), mean),
        DataTypes.createArrayType(DataTypes.FloatType, false));
    return rows.withColumn(ModelScoreSchema.EMBEDDING, centred.apply(col(ModelScoreSchema.EMBEDDING)));
  }
}
