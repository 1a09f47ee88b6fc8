package io.alignscope.udfs;

import org.apache.spark.sql.SparkSessionExtensions;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * Session extension that injects every alignscope SQL function, for spark-sql and other users who
 * cannot call {@link AlignscopeUdfs#register}:
 *
 * <pre>spark-sql --jars alignscope-udfs.jar \
 *   --conf spark.sql.extensions=io.alignscope.udfs.AlignscopeSqlExtensions</pre>
 *
 * <p>Spark instantiates this class through its public no-argument constructor.
 */
public final class AlignscopeSqlExtensions implements Function1<SparkSessionExtensions, BoxedUnit> {

  /** Creates the extension; Spark calls this reflectively. */
  public AlignscopeSqlExtensions() {}

  /**
   * Injects {@link AlignscopeFunctions#all()} into the extensions.
   *
   * @param extensions the session's extension points
   * @return {@link BoxedUnit#UNIT}
   */
  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    for (SqlFunction function : AlignscopeFunctions.all()) {
      extensions.injectFunction(function.description());
    }
    return BoxedUnit.UNIT;
  }
}
