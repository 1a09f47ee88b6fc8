package io.alignscope.udfs;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import scala.Function1;
import scala.Tuple3;
import scala.collection.Seq;

/** Programmatic registration of the alignscope SQL functions in a session. */
public final class AlignscopeUdfs {

  private AlignscopeUdfs() {}

  /**
   * Registers every function of {@link AlignscopeFunctions#all()} in {@code spark}'s function
   * registry, usable from SQL ({@code spark.sql("SELECT entropy_from_logprobs(lp) ...")}) and from
   * the DataFrame API ({@code functions.call_udf("entropy_from_logprobs", col("lp"))}, or {@link
   * SqlFunction#apply} without registering). Registering twice replaces the earlier registration.
   *
   * <p>Registers the same (identifier, info, builder) triple that {@link AlignscopeSqlExtensions}
   * injects, rather than {@code spark.udf().register}, so that both paths check the argument
   * count and show the usage text in {@code DESCRIBE FUNCTION}.
   *
   * @param spark the session
   * @throws IllegalArgumentException if {@code spark} is null
   */
  public static void register(SparkSession spark) {
    if (spark == null) {
      throw new IllegalArgumentException("spark must not be null");
    }
    FunctionRegistry registry = spark.sessionState().functionRegistry();
    for (SqlFunction function : AlignscopeFunctions.all()) {
      Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>> d =
          function.description();
      registry.registerFunction(d._1(), d._2(), d._3());
    }
  }
}
