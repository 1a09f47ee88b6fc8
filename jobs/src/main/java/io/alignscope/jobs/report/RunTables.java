package io.alignscope.jobs.report;

import io.alignscope.jobs.output.RunLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Parquet tables of one run folder, each optional: a table exists when a committed Spark write
 * left {@code _SUCCESS} in its folder, or, for a table partitioned by folder (rejects), in one of
 * its {@code key=value} partitions. Works on any Hadoop filesystem.
 */
final class RunTables {
  private final SparkSession spark;
  private final RunLayout layout;

  RunTables(SparkSession spark, RunLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  SparkSession spark() {
    return spark;
  }

  /** The table's location. */
  String path(String table) {
    return layout.table(table);
  }

  /** The table, when the run wrote it. */
  Optional<Dataset<Row>> read(String table) {
    return exists(table) ? Optional.of(spark.read().parquet(path(table))) : Optional.empty();
  }

  /** Why a section cannot use {@code table}: "no table at PATH". */
  String absent(String table) {
    return "no table at " + path(table);
  }

  /** Columns of {@code table} among {@code wanted} that it lacks, in the order asked. */
  static List<String> missing(Dataset<Row> table, String... wanted) {
    List<String> have = Arrays.asList(table.columns());
    List<String> missing = new ArrayList<>();
    for (String column : wanted) {
      if (!have.contains(column)) {
        missing.add(column);
      }
    }
    return missing;
  }

  private boolean exists(String table) {
    Path folder = new Path(path(table));
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(new Path(folder, "_SUCCESS"))) {
        return true;
      }
      if (!fs.exists(folder)) {
        return false;
      }
      for (FileStatus child : fs.listStatus(folder)) {
        if (child.isDirectory() && child.getPath().getName().contains("=")
            && fs.exists(new Path(child.getPath(), "_SUCCESS"))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new IllegalStateException("cannot inspect " + folder + ": " + e.getMessage(), e);
    }
  }
}
