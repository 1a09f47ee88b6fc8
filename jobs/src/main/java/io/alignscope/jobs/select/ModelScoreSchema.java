package io.alignscope.jobs.select;

import io.alignscope.jobs.config.SelectionScore;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The model pass's table ({@code select/model_scores}), one row per scored example:
 *
 * <ul>
 *   <li>{@code id}
 *   <li>{@code length} (int): answer tokens (the {@code length} score)
 *   <li>{@code ifd}: conditioned_loss / direct_loss under the base model; null when undefined
 *   <li>{@code ifd_context}: "bos" or "first-answer-token" ({@link IfdContext})
 *   <li>{@code conditioned_loss}, {@code direct_loss}: mean per-token NLL (nats) of the answer
 *       after the base prompt and after the alone context
 *   <li>{@code shift_density}: fraction of answer tokens with base rank &gt; 3
 *   <li>{@code mean_kl}: mean KL(aligned ‖ base) over the answer
 *   <li>{@code answer_entropy}: mean base-model entropy over the answer; {@code answer_bf} = its exp
 *   <li>{@code aligned_mean_logprob}, {@code base_mean_logprob}: mean per-token log-probs
 *   <li>preference data only (else null): {@code rejected_tokens}, {@code rejected_ifd}, {@code
 *       rejected_mean_kl}, {@code preference_margin} (aligned mean log-prob of chosen minus
 *       rejected), {@code base_preference_margin} (the same under the base model)
 *   <li>{@code embedding} (array&lt;float&gt;): L2-normalised last-token base hidden state
 * </ul>
 */
public final class ModelScoreSchema {
  public static final String ID = "id";
  public static final String IFD = SelectionScore.IFD.column();
  public static final String IFD_CONTEXT = "ifd_context";
  public static final String LENGTH = SelectionScore.LENGTH.column();
  public static final String EMBEDDING = "embedding";

  public static final StructType SCHEMA = new StructType()
      .add(ID, DataTypes.StringType, false)
      .add(LENGTH, DataTypes.IntegerType, false)
      .add(IFD, DataTypes.DoubleType)
      .add(IFD_CONTEXT, DataTypes.StringType, false)
      .add("conditioned_loss", DataTypes.DoubleType)
      .add("direct_loss", DataTypes.DoubleType)
      .add(SelectionScore.SHIFT_DENSITY.column(), DataTypes.DoubleType, false)
      .add(SelectionScore.MEAN_KL.column(), DataTypes.DoubleType, false)
      .add(SelectionScore.ANSWER_ENTROPY.column(), DataTypes.DoubleType, false)
      .add("answer_bf", DataTypes.DoubleType, false)
      .add("aligned_mean_logprob", DataTypes.DoubleType, false)
      .add("base_mean_logprob", DataTypes.DoubleType, false)
      .add("rejected_tokens", DataTypes.IntegerType)
      .add("rejected_ifd", DataTypes.DoubleType)
      .add("rejected_mean_kl", DataTypes.DoubleType)
      .add("preference_margin", DataTypes.DoubleType)
      .add("base_preference_margin", DataTypes.DoubleType)
      .add(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), false);

  private ModelScoreSchema() {}

  /** The row of one example. */
  public static Row toRow(ModelScores s) {
    AnswerStats a = s.answer();
    PreferenceStats p = s.preference();
    return RowFactory.create(s.id(), a.tokens(), a.ifd(), s.context().label(), a.conditionedLoss(), a.directLoss(),
        a.shiftDensity(), a.meanKl(), a.answerEntropy(), a.answerBf(), a.alignedMeanLogProb(), a.baseMeanLogProb(),
        p == null ? null : p.rejectedTokens(), p == null ? null : p.rejectedIfd(),
        p == null ? null : p.rejectedMeanKl(), p == null ? null : p.preferenceMargin(),
        p == null ? null : p.basePreferenceMargin(), s.embedding());
  }
}
