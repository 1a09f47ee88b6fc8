/**
 * Spark SQL adapter for {@link io.alignscope.stats}: null-safe UDF wrappers that only convert
 * types and call the pure static methods, registered either programmatically with {@link
 * io.alignscope.udfs.AlignscopeUdfs#register(org.apache.spark.sql.SparkSession)} or for spark-sql
 * users with {@code --conf spark.sql.extensions=io.alignscope.udfs.AlignscopeSqlExtensions}. Both
 * paths read the one list in {@link io.alignscope.udfs.AlignscopeFunctions}.
 */
package io.alignscope.udfs;
