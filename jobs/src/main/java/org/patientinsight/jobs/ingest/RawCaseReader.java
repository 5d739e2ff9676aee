package org.patientinsight.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.patientinsight.jobs.run.JobFailure;

/**
 * Reads raw PMC-Patients files (RFC 4180 CSV with multi-line quoted notes, or JSON lines) as
 * all-string columns, never collecting them to the driver. Every input row comes out, broken
 * ones included, so counts reconcile: a CSV record whose field count differs from the header's,
 * or a line that is not JSON, comes with its raw text in {@value RawColumns#CORRUPT} (Spark's
 * PERMISSIVE mode), so it can be quarantined instead of silently padded or dropped.
 * Each row also gets its source file and a sequence number in input order (for "last row wins").
 */
public final class RawCaseReader {
  private final SparkSession spark;

  public RawCaseReader(SparkSession spark) {
    this.spark = spark;
  }

  public Dataset<Row> read(List<String> files, InputFormat format) {
    Dataset<Row> raw = format == InputFormat.CSV ? readCsv(files) : readJson(files);
    List<Column> cols = new ArrayList<>();
    for (String c : RawColumns.ALL) {
      cols.add(col(c));
    }
    cols.add(col(RawColumns.CORRUPT));
    cols.add(input_file_name().as(RawColumns.SOURCE));
    cols.add(monotonically_increasing_id().as(RawColumns.SEQ));
    return raw.select(cols.toArray(new Column[0]));
  }

  private Dataset<Row> readCsv(List<String> files) {
    InputFiles inputs = new InputFiles(spark.sparkContext().hadoopConfiguration());
    List<String> header = null;
    for (String f : files) {
      List<String> h = inputs.csvHeader(f);
      if (h.isEmpty() || h.size() == 1 && h.get(0).isEmpty()) {
        throw new JobFailure("input file is empty (no header line): " + f);
      }
      List<String> missing = InputFiles.missing(h);
      if (!missing.isEmpty()) {
        throw new JobFailure("wrong CSV header in " + f + ": missing column(s) "
            + String.join(", ", missing) + "; expected " + String.join(",", RawColumns.ALL));
      }
      if (header == null) {
        header = h;
      } else if (!header.equals(h)) {
        throw new JobFailure("CSV files disagree on the header: " + files.get(0) + " vs " + f);
      }
    }
    List<StructField> fields = new ArrayList<>();
    for (String c : header) {
      fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(RawColumns.CORRUPT, DataTypes.StringType, true));
    return spark.read()
        .schema(new StructType(fields.toArray(new StructField[0])))
        .option("header", "true")
        .option("multiLine", "true")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", RawColumns.CORRUPT)
        .option("maxCharsPerColumn", "-1")
        .option("encoding", "UTF-8")
        .csv(files.toArray(new String[0]));
  }

  private Dataset<Row> readJson(List<String> files) {
    List<StructField> fields = new ArrayList<>();
    for (String c : RawColumns.ALL) {
      fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(RawColumns.CORRUPT, DataTypes.StringType, true));
    return spark.read()
        .schema(new StructType(fields.toArray(new StructField[0])))
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", RawColumns.CORRUPT)
        .json(files.toArray(new String[0]));
  }
}
