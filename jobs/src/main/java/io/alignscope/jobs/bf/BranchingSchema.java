package io.alignscope.jobs.bf;

import io.alignscope.lm.infer.Generation;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The per-prompt table of the branching-factor stage ({@code bf/prompts}): one row per prompt and
 * model. With {@code bf.keep-samples} the continuations are kept in a nested {@code samples} column.
 */
public final class BranchingSchema {
  private static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType, false);
  private static final StructType SAMPLE = new StructType()
      .add("sample", DataTypes.IntegerType, false)
      .add("tokens", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("entropy", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("paper_entropy", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("nll", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("stop_reason", DataTypes.StringType, false)
      .add("from_aligned", DataTypes.createArrayType(DataTypes.BooleanType, false), true);

  public static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("model", DataTypes.StringType, false)
      .add("samples", DataTypes.IntegerType, false)
      .add("bf", DataTypes.DoubleType)
      .add("estimator", DataTypes.StringType, false)
      .add("effective_length", DataTypes.IntegerType, false)
      .add("bf_entropy_estimate", DataTypes.DoubleType)
      .add("bf_aep_estimate", DataTypes.DoubleType)
      .add("bf_other_entropy", DataTypes.DoubleType)
      .add("mean_length", DataTypes.DoubleType, false)
      .add("eos_fraction", DataTypes.DoubleType, false)
      .add("window_curve", DOUBLES, false)
      .add("cumulative_curve", DOUBLES, false)
      .add("mean_entropy", DOUBLES, false)
      .add("nudged_fraction", DataTypes.DoubleType)
      .add("continuations", DataTypes.createArrayType(SAMPLE, false), true);

  private BranchingSchema() {}

  /** The row of one outcome; {@code keepSamples} adds the continuations. */
  public static Row toRow(BranchingOutcome outcome, boolean keepSamples) {
    PromptBranching b = outcome.branching();
    return RowFactory.create(b.id(), b.model().configName(), b.samples(), nanToNull(b.result().value()),
        b.result().estimator().name().toLowerCase(), b.result().effectiveLength(),
        nanToNull(b.result().entropyEstimate()), nanToNull(b.result().aepEstimate()), nanToNull(b.otherEntropyBf()),
        b.meanLength(), b.eosFraction(), b.windowCurve(), b.cumulativeCurve(), b.meanEntropy(),
        nanToNull(b.nudgedFraction()), keepSamples ? samples(outcome) : null);
  }

  private static List<Row> samples(BranchingOutcome outcome) {
    List<Row> rows = new ArrayList<>();
    for (int s = 0; s < outcome.continuations().size(); s++) {
      Generation g = outcome.continuations().get(s);
      int[] tokens = new int[g.length()];
      for (int t = 0; t < tokens.length; t++) {
        tokens[t] = (int) g.tokens()[t];
      }
      rows.add(RowFactory.create(s, tokens, g.entropy(), g.paperEntropy(), g.nll(), g.stop().name().toLowerCase(),
          outcome.fromAligned() == null ? null : outcome.fromAligned().get(s)));
    }
    return rows;
  }

  private static Double nanToNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
