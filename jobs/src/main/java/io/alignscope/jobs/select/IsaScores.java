package io.alignscope.jobs.select;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.alignscope.jobs.config.SelectSettings;
import io.alignscope.jobs.config.SelectionScore;
import io.alignscope.jobs.ingest.CanonicalSchema;
import io.alignscope.stats.IsaInformationScore;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * ISA (Khera et al. 2024) at cluster scale.
 *
 * <ol>
 *   <li>the embeddings are projected onto {@code select.isa.pca-dimensions} principal components
 *       (Spark ML {@link PCA}; fewer when the embedding or the fit sample is smaller);
 *   <li>a {@link GaussianMixture} of {@code select.isa.components} components is fitted on the
 *       fit sample: the first {@code select.isa.fit-sample} rows in the seeded order of their ids
 *       ({@link SeededOrder}; the PCA is fitted on the same rows). With {@code fit-sample = 0}
 *       every row is used as partitioned, and the fit may then differ in the last bits between
 *       runs (Spark sums partition results in completion order);
 *   <li>every row's mixture log-likelihood {@code l = log Σ_k w_k N(x | μ_k, Σ_k)} is computed from
 *       the fitted components ({@link MixtureLogLikelihood}, broadcast with the task);
 *   <li>one aggregation finds the global min and max of l, and a second map gives each row {@link
 *       IsaInformationScore#score(double, double, double)}: ΔH = l′ e^{l′} with l′ the min-max
 *       scaled l over all rows.
 * </ol>
 *
 * {@code isa} is ΔH (high = typical); the ranking direction is {@code select.isa.order}. With
 * fewer than two rows no mixture can be fitted and {@code isa} is null.
 */
public final class IsaScores {
  public static final String LOG_LIKELIHOOD = "isa_loglik";
  public static final String ISA = SelectionScore.ISA.column();
  private static final String VECTOR = "_isa_vector";
  private static final String PROJECTED = "_isa_projected";

  private IsaScores() {}

  /**
   * What was fitted.
   *
   * @param inputDimensions embedding length
   * @param dimensions principal components used
   * @param components mixture components
   * @param fitRows rows the PCA and the mixture were fitted on
   * @param weights fitted mixture weights
   * @param minLogLikelihood smallest l over all rows
   * @param maxLogLikelihood largest l over all rows
   */
  public record Fit(int inputDimensions, int dimensions, int components, long fitRows, double[] weights,
      double minLogLikelihood, double maxLogLikelihood) {}

  /** Scored rows and the fit. */
  public record Result(Dataset<Row> rows, Fit fit) {}

  /**
   * @param rows rows with {@code id} and {@code embedding} (other columns are kept; pass only
   *     those two when upstream columns are expensive, since the rows are read twice)
   * @param count their number
   */
  public static Result add(Dataset<Row> rows, long count, SelectSettings settings) {
    Dataset<Row> vectors = rows.withColumn(VECTOR, org.apache.spark.ml.functions.array_to_vector(
        col(ModelScoreSchema.EMBEDDING).cast(DataTypes.createArrayType(DataTypes.DoubleType))));
    Dataset<Row> sample = vectors;
    long fitRows = count;
    if (settings.isaFitSample() > 0) {
      fitRows = Math.min(count, settings.isaFitSample());
      sample = vectors.select(col(CanonicalSchema.ID), col(VECTOR))
          .withColumn("_key", TextScores.seededKey(settings.seed()).apply(col(CanonicalSchema.ID)))
          .orderBy(col("_key"), col(CanonicalSchema.ID)).limit((int) fitRows);
    }
    if (fitRows < 2) {
      // A mixture needs two points; with fewer there is no ISA score (null), and the fit says so.
      Dataset<Row> none = rows.withColumn(LOG_LIKELIHOOD, functions.lit(null).cast(DataTypes.DoubleType))
          .withColumn(ISA, functions.lit(null).cast(DataTypes.DoubleType));
      return new Result(none, new Fit(0, 0, settings.isaComponents(), fitRows, new double[0], Double.NaN,
          Double.NaN));
    }
    int inputDimensions = rows.select(functions.size(col(ModelScoreSchema.EMBEDDING))).first().getInt(0);
    int dimensions = (int) Math.min(Math.min(settings.isaPcaDimensions(), inputDimensions), fitRows - 1);
    PCAModel pca = new PCA().setK(dimensions).setInputCol(VECTOR).setOutputCol(PROJECTED).fit(sample);
    GaussianMixtureModel mixture = new GaussianMixture().setK(settings.isaComponents()).setSeed(settings.seed())
        .setFeaturesCol(PROJECTED).setPredictionCol("_isa_cluster").setProbabilityCol("_isa_probability")
        .fit(pca.transform(sample));
    MixtureLogLikelihood density = new MixtureLogLikelihood(mixture.weights(), mixture.gaussians());
    UserDefinedFunction logLikelihood = functions.udf((UDF1<Vector, Double>) x -> {
      double l = density.logLikelihood(x);
      return Double.isFinite(l) ? l : null;
    }, DataTypes.DoubleType);
    Dataset<Row> withL = pca.transform(vectors).withColumn(LOG_LIKELIHOOD, logLikelihood.apply(col(PROJECTED)))
        .drop(VECTOR, PROJECTED);
    Scored scored = score(withL);
    return new Result(scored.rows, new Fit(inputDimensions, dimensions, settings.isaComponents(), fitRows,
        mixture.weights(), scored.min, scored.max));
  }

  /** Rows with ΔH and the log-likelihood range it was scaled by. */
  public record Scored(Dataset<Row> rows, double min, double max) {}

  /**
   * The second half: the global min and max of {@code isa_loglik} (one aggregation), then {@code
   * isa} = ΔH per row. A null log-likelihood gives a null score.
   */
  public static Scored score(Dataset<Row> withLogLikelihood) {
    Row range = withLogLikelihood.agg(min(col(LOG_LIKELIHOOD)), max(col(LOG_LIKELIHOOD))).first();
    if (range.isNullAt(0)) {
      throw new IllegalStateException("no row has a finite ISA log-likelihood");
    }
    double lo = range.getDouble(0);
    double hi = range.getDouble(1);
    UserDefinedFunction delta = functions.udf((UDF1<Double, Double>) l -> l == null ? null
        : IsaInformationScore.score(l, lo, hi), DataTypes.DoubleType);
    return new Scored(withLogLikelihood.withColumn(ISA, delta.apply(col(LOG_LIKELIHOOD))), lo, hi);
  }
}
