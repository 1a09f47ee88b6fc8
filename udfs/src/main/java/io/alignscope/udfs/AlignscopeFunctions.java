package io.alignscope.udfs;

import static io.alignscope.udfs.SparkArrays.toDouble;
import static io.alignscope.udfs.SparkArrays.toDoubleRows;
import static io.alignscope.udfs.SparkArrays.toDoubles;
import static io.alignscope.udfs.SparkArrays.toInt;

import io.alignscope.stats.BranchingFactor;
import io.alignscope.stats.BranchingFactorCurves;
import io.alignscope.stats.CompressionDistance;
import io.alignscope.stats.Entropy;
import io.alignscope.stats.InstructionFollowingDifficulty;
import io.alignscope.stats.KlDivergence;
import io.alignscope.stats.ShiftClass;
import io.alignscope.stats.TokenRank;
import io.alignscope.stats.TruncatedEntropy;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Seq;

/**
 * The one list of alignscope SQL functions. Each entry only converts Spark's argument types and
 * calls one static method of {@link io.alignscope.stats}; NULL in any argument gives NULL.
 * Branching-factor functions use {@link io.alignscope.stats.BranchingFactorSettings#DEFAULTS}.
 */
public final class AlignscopeFunctions {

  private static final DataType DOUBLE = DataTypes.DoubleType;
  private static final DataType DOUBLE_ARRAY = DataTypes.createArrayType(DataTypes.DoubleType);

  private static final List<SqlFunction> ALL =
      List.of(
          SqlFunction.of(
              "entropy_from_logprobs",
              "_FUNC_(logprobs array<double>) - Entropy in nats after log-sum-exp normalisation.",
              DOUBLE,
              (Seq<?> logProbs) -> Entropy.fromLogProbs(toDoubles(logProbs))),
          SqlFunction.of(
              "kl_divergence",
              "_FUNC_(logp array<double>, logq array<double>) - KL(p||q) in nats over the full"
                  + " vocabulary.",
              DOUBLE,
              (Seq<?> logP, Seq<?> logQ) ->
                  KlDivergence.fromLogProbs(toDoubles(logP), toDoubles(logQ))),
          SqlFunction.of(
              "token_rank",
              "_FUNC_(logprobs array<double>, token int) - 1 + number of tokens strictly more"
                  + " probable than token.",
              DataTypes.IntegerType,
              (Seq<?> logProbs, Object token) ->
                  TokenRank.rank(toDoubles(logProbs), toInt(token, "token"))),
          SqlFunction.of(
              "shift_class",
              "_FUNC_(rank int) - 'unshifted' (1), 'marginal' (2-3) or 'shifted' (>3).",
              DataTypes.StringType,
              (Object rank) -> ShiftClass.ofRank(toInt(rank, "rank")).label()),
          SqlFunction.of(
              "bf_entropy",
              "_FUNC_(entropies array<array<double>>) - Branching factor, entropy estimator.",
              DOUBLE,
              (Seq<?> entropies) -> BranchingFactor.entropyEstimate(toDoubleRows(entropies))),
          SqlFunction.of(
              "bf_aep",
              "_FUNC_(entropies array<array<double>>, nlls array<array<double>>) - Branching"
                  + " factor, AEP estimator.",
              DOUBLE,
              (Seq<?> entropies, Seq<?> nlls) ->
                  BranchingFactor.aepEstimate(toDoubleRows(entropies), toDoubleRows(nlls))),
          SqlFunction.of(
              "branching_factor",
              "_FUNC_(entropies array<array<double>>, nlls array<array<double>>) - Per-prompt"
                  + " branching factor: entropy estimator when L <= 50, AEP otherwise.",
              DOUBLE,
              (Seq<?> entropies, Seq<?> nlls) ->
                  BranchingFactor.perPrompt(toDoubleRows(entropies), toDoubleRows(nlls)).value()),
          SqlFunction.of(
              "bf_window_curve",
              "_FUNC_(entropies array<array<double>>, window int) - Mean over samples of"
                  + " exp(mean entropy) per window below the shortest sample.",
              DOUBLE_ARRAY,
              (Seq<?> entropies, Object window) ->
                  BranchingFactorCurves.windowed(toDoubleRows(entropies), toInt(window, "window"))),
          SqlFunction.of(
              "bf_cumulative_curve",
              "_FUNC_(entropies array<array<double>>) - Mean over samples of exp(mean entropy of"
                  + " the prefix up to t).",
              DOUBLE_ARRAY,
              (Seq<?> entropies) -> BranchingFactorCurves.cumulative(toDoubleRows(entropies))),
          SqlFunction.of(
              "truncated_entropy",
              "_FUNC_(toplogprobs array<double>, topP double) - Entropy of the renormalised"
                  + " top-p nucleus of the top-K log-probs (paper-compatible).",
              DOUBLE,
              (Seq<?> topLogProbs, Object topP) ->
                  TruncatedEntropy.paperCompatible(toDoubles(topLogProbs), toDouble(topP, "topP"))),
          SqlFunction.of(
              "ncd_gzip",
              "_FUNC_(x string, y string, level int) - Normalised compression distance with gzip"
                  + " at level 1..9.",
              DOUBLE,
              (String x, String y, Object level) ->
                  CompressionDistance.ncd(x, y, toInt(level, "level"))),
          SqlFunction.of(
              "ifd",
              "_FUNC_(condLoss double, directLoss double) - IFD = condLoss / directLoss (NaN when"
                  + " directLoss = 0).",
              DOUBLE,
              (Object condLoss, Object directLoss) ->
                  InstructionFollowingDifficulty.fromLosses(
                      toDouble(condLoss, "condLoss"), toDouble(directLoss, "directLoss"))));

  private AlignscopeFunctions() {}

  /**
   * Every alignscope SQL function, in a fixed order.
   *
   * @return an immutable list
   */
  public static List<SqlFunction> all() {
    return ALL;
  }

  /**
   * Looks a function up by its SQL name.
   *
   * @param name e.g. {@code "entropy_from_logprobs"}
   * @return the definition, or empty if there is none of that name
   */
  public static Optional<SqlFunction> named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
