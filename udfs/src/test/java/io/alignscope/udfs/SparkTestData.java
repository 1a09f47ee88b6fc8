package io.alignscope.udfs;

import io.alignscope.stats.BranchingFactorExample;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/** Conversions between Java arrays and the Lists Spark rows carry. */
final class SparkTestData {

  /** See {@link BranchingFactorExample}: L = 5, BF_H = e^1.11, BF_AEP = e^(11/13). */
  static final double[][] ENTROPIES = BranchingFactorExample.ENTROPIES;

  static final double[][] NLLS = BranchingFactorExample.NLLS;

  private SparkTestData() {}

  static List<Double> list(double... values) {
    return Arrays.stream(values).boxed().collect(Collectors.toList());
  }

  static List<List<Double>> rows(double[][] values) {
    return Arrays.stream(values).map(SparkTestData::list).collect(Collectors.toList());
  }

  static double[] doubles(Row row, int field) {
    return row.<Double>getList(field).stream().mapToDouble(Double::doubleValue).toArray();
  }
}
