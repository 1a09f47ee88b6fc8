package io.alignscope.jobs.ingest;

import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Numbers records within their file split in one pass, without a shuffle: a file scan hands each
 * task whole splits, one after another and in file order, so counting rows until the (file, split)
 * pair changes gives each record's position. Must run directly on a file scan, before any filter.
 */
final class RecordNumberer implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int fileIndex;
  private final int blockIndex;

  private RecordNumberer(int fileIndex, int blockIndex) {
    this.fileIndex = fileIndex;
    this.blockIndex = blockIndex;
  }

  /** {@code scan} plus a column {@link RawRecords#N}; it needs {@code FILE} and {@code BLOCK}. */
  static Dataset<Row> number(Dataset<Row> scan) {
    StructType in = scan.schema();
    StructType out = in.add(RawRecords.N, DataTypes.LongType, false);
    return scan.mapPartitions(
        new RecordNumberer(in.fieldIndex(RawRecords.FILE), in.fieldIndex(RawRecords.BLOCK)),
        Encoders.row(out));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private Object file;
      private Object block;
      private long n;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        Object rowFile = row.get(fileIndex);
        Object rowBlock = row.get(blockIndex);
        if (!Objects.equals(rowFile, file) || !Objects.equals(rowBlock, block)) {
          file = rowFile;
          block = rowBlock;
          n = 0;
        }
        n++;
        Object[] values = new Object[row.length() + 1];
        for (int i = 0; i < row.length(); i++) {
          values[i] = row.get(i);
        }
        values[row.length()] = n;
        return RowFactory.create(values);
      }
    };
  }
}
