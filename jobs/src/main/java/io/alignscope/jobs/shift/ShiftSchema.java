package io.alignscope.jobs.shift;

import io.alignscope.lm.infer.PairScores;
import io.alignscope.lm.infer.TokenScores;
import io.alignscope.stats.ShiftClass;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The per-example table of the shift stage ({@code shift/examples}): one row per answer with the
 * per-position arrays (index t = t-th answer token) and the answer's aggregates.
 */
public final class ShiftSchema {
  public static final String ID = "id";
  public static final String TOKEN_IDS = "token_ids";
  public static final String BASE_RANK = "base_rank";
  public static final String KL = "kl";
  public static final String ANSWER_TOKENS = "answer_tokens";
  private static final DataType INTS = DataTypes.createArrayType(DataTypes.IntegerType, false);
  private static final DataType FLOATS = DataTypes.createArrayType(DataTypes.FloatType, false);

  public static final StructType SCHEMA = new StructType()
      .add(ID, DataTypes.StringType, false)
      .add("source", DataTypes.StringType)
      .add("answer_source", DataTypes.StringType, false)
      .add("answer", DataTypes.StringType)
      .add("stop_reason", DataTypes.StringType)
      .add("base_prompt_tokens", DataTypes.IntegerType, false)
      .add("aligned_prompt_tokens", DataTypes.IntegerType, false)
      .add(ANSWER_TOKENS, DataTypes.IntegerType, false)
      .add(TOKEN_IDS, INTS, false)
      .add(BASE_RANK, INTS, false)
      .add("aligned_rank", INTS, false)
      .add("base_logprob", FLOATS, false)
      .add("aligned_logprob", FLOATS, false)
      .add("base_entropy", FLOATS, false)
      .add("aligned_entropy", FLOATS, false)
      .add(KL, FLOATS, false)
      .add("base_top_token", INTS, false)
      .add("n_unshifted", DataTypes.IntegerType, false)
      .add("n_marginal", DataTypes.IntegerType, false)
      .add("n_shifted", DataTypes.IntegerType, false)
      .add("frac_unshifted", DataTypes.DoubleType, false)
      .add("frac_marginal", DataTypes.DoubleType, false)
      .add("frac_shifted", DataTypes.DoubleType, false)
      .add("mean_kl", DataTypes.DoubleType, false)
      .add("mean_base_entropy", DataTypes.DoubleType, false)
      .add("mean_aligned_entropy", DataTypes.DoubleType, false)
      .add("first_shift_position", DataTypes.IntegerType);

  private ShiftSchema() {}

  /** The row of one example. */
  public static Row toRow(ShiftExample e) {
    PairScores s = e.scores();
    TokenScores base = s.other();
    TokenScores aligned = s.reference();
    int n = e.tokens().length;
    int[] counts = new int[3];
    Integer firstShift = null;
    for (int t = 0; t < n; t++) {
      ShiftClass c = ShiftClass.ofRank(base.rank()[t]);
      counts[c.ordinal()]++;
      if (c == ShiftClass.SHIFTED && firstShift == null) {
        firstShift = t;
      }
    }
    int[] tokenIds = new int[n];
    for (int t = 0; t < n; t++) {
      tokenIds[t] = (int) e.tokens()[t];
    }
    return RowFactory.create(e.id(), e.source(), e.answerSource(), e.answerText(), e.stopReason(),
        e.basePromptTokens(), e.alignedPromptTokens(), n, tokenIds, base.rank(), aligned.rank(),
        base.logProb(), aligned.logProb(), base.entropy(), aligned.entropy(), s.kl(), base.topToken(),
        counts[0], counts[1], counts[2], fraction(counts[0], n), fraction(counts[1], n), fraction(counts[2], n),
        mean(s.kl()), mean(base.entropy()), mean(aligned.entropy()), firstShift);
  }

  private static double fraction(int count, int n) {
    return n == 0 ? 0 : (double) count / n;
  }

  private static double mean(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }
}
