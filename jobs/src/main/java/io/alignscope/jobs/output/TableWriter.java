package io.alignscope.jobs.output;

import io.alignscope.jobs.config.RunMode;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Writes Parquet tables and answers questions about what a run folder already holds. */
public final class TableWriter {
  private final SparkSession spark;

  public TableWriter(SparkSession spark) {
    this.spark = spark;
  }

  /** Replaces the table at {@code path}. */
  public void overwrite(Dataset<Row> table, String path) {
    table.write().mode(SaveMode.Overwrite).parquet(path);
  }

  /** Adds rows to the table at {@code path} (creating it). */
  public void append(Dataset<Row> table, String path) {
    table.write().mode(SaveMode.Append).parquet(path);
  }

  /** Writes per the run mode: append when resuming, otherwise replace. */
  public void write(Dataset<Row> table, String path, RunMode mode) {
    if (mode == RunMode.RESUME) {
      append(table, path);
    } else {
      overwrite(table, path);
    }
  }

  /** Whether a Parquet table exists at {@code path} (a committed Spark write left _SUCCESS). */
  public boolean exists(String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(new Path(p, "_SUCCESS"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot inspect " + path + ": " + e.getMessage(), e);
    }
  }

  /** Whether a file (or folder) exists at {@code path}. */
  public boolean existsFile(String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot inspect " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads a table. */
  public Dataset<Row> read(String path) {
    return spark.read().parquet(path);
  }
}
