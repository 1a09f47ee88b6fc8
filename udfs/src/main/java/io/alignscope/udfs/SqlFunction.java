package io.alignscope.udfs;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import scala.Function1;
import scala.Tuple3;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * One SQL function: its name, usage text, arity and the null-safe {@link UserDefinedFunction}.
 * Serves both the programmatic registration and the session-extension injection.
 *
 * @param name the SQL name
 * @param usage the usage text shown by {@code DESCRIBE FUNCTION} ({@code _FUNC_} stands for the
 *     name)
 * @param arity the number of arguments
 * @param udf the UDF, already named {@code name}; returns NULL when any argument is NULL
 */
public record SqlFunction(String name, String usage, int arity, UserDefinedFunction udf) {

  /**
   * A one-argument function; the body is called only when the argument is non-null.
   *
   * @param name SQL name
   * @param usage usage text
   * @param returnType Spark type of the result
   * @param body converts types and calls one pure static method
   * @param <A> argument type as Spark passes it
   * @param <R> result type
   * @return the definition
   */
  public static <A, R> SqlFunction of(
      String name, String usage, DataType returnType, UDF1<A, R> body) {
    UDF1<A, R> nullSafe = a -> a == null ? null : body.call(a);
    return new SqlFunction(name, usage, 1, functions.udf(nullSafe, returnType).withName(name));
  }

  /**
   * A two-argument function; the body is called only when no argument is null.
   *
   * @param name SQL name
   * @param usage usage text
   * @param returnType Spark type of the result
   * @param body converts types and calls one pure static method
   * @param <A> first argument type as Spark passes it
   * @param <B> second argument type
   * @param <R> result type
   * @return the definition
   */
  public static <A, B, R> SqlFunction of(
      String name, String usage, DataType returnType, UDF2<A, B, R> body) {
    UDF2<A, B, R> nullSafe = (a, b) -> a == null || b == null ? null : body.call(a, b);
    return new SqlFunction(name, usage, 2, functions.udf(nullSafe, returnType).withName(name));
  }

  /**
   * A three-argument function; the body is called only when no argument is null.
   *
   * @param name SQL name
   * @param usage usage text
   * @param returnType Spark type of the result
   * @param body converts types and calls one pure static method
   * @param <A> first argument type as Spark passes it
   * @param <B> second argument type
   * @param <C> third argument type
   * @param <R> result type
   * @return the definition
   */
  public static <A, B, C, R> SqlFunction of(
      String name, String usage, DataType returnType, UDF3<A, B, C, R> body) {
    UDF3<A, B, C, R> nullSafe =
        (a, b, c) -> a == null || b == null || c == null ? null : body.call(a, b, c);
    return new SqlFunction(name, usage, 3, functions.udf(nullSafe, returnType).withName(name));
  }

  /**
   * Applies the UDF to columns, for the DataFrame API.
   *
   * @param columns exactly {@link #arity()} columns
   * @return the result column
   */
  public Column apply(Column... columns) {
    return udf.apply(columns);
  }

  /**
   * The function builder Spark's function registry calls with the argument expressions.
   *
   * @param children the argument expressions
   * @return the UDF's expression over them
   * @throws IllegalArgumentException if the number of arguments is not {@link #arity()}
   */
  public Expression build(Seq<Expression> children) {
    if (children.length() != arity) {
      throw new IllegalArgumentException(
          "function " + name + " takes " + arity + " argument(s), got " + children.length());
    }
    Column[] columns =
        JavaConverters.seqAsJavaList(children).stream().map(Column::new).toArray(Column[]::new);
    return udf.apply(columns).expr();
  }

  /**
   * The (identifier, info, builder) triple that {@code SparkSessionExtensions.injectFunction}
   * takes.
   *
   * @return the function description
   */
  public Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>
      description() {
    ExpressionInfo info =
        new ExpressionInfo(
            AlignscopeFunctions.class.getName(), null, name, usage, "", "", "", "", "", "",
            "java_udf");
    Function1<Seq<Expression>, Expression> builder = this::build;
    return new Tuple3<>(new FunctionIdentifier(name), info, builder);
  }

  /** {@code name/arity}: the UDF object has no useful string form. */
  @Override
  public String toString() {
    return name + "/" + arity;
  }
}
