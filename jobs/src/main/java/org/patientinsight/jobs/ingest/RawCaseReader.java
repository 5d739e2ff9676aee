package org.patientinsight.jobs.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads raw PMC-Patients files (RFC 4180 CSV with multi-line quoted notes, a JSON array, or
 * JSON lines) as all-string columns, never collecting them to the driver. Every input row comes out, broken
 * ones included, so counts reconcile: a CSV record that is not good CSV for the header (see
 * {@link org.patientinsight.jobs.ingest.records.CsvRecordParser}), or a line that is not JSON,
 * comes with its raw text in {@value RawColumns#CORRUPT}, so it can be quarantined instead of
 * silently padded or dropped. Each row also gets its source file and a sequence number in
 * input order (for "last row wins"). Every layout is read in parallel byte-range splits
 * ({@link SplitFileReader}), so one big file is many tasks. A JSON file is an array of
 * objects or JSON lines, told apart by its first byte, not its name.
 */
public final class RawCaseReader {
  private final SparkSession spark;
  private final long splitBytes;

  public RawCaseReader(SparkSession spark) {
    this(spark, 0);
  }

  /** With a fixed split size (tests use tiny splits); 0 sizes them from the input. */
  public RawCaseReader(SparkSession spark, long splitBytes) {
    this.spark = spark;
    this.splitBytes = splitBytes;
  }

  public Dataset<Row> read(List<String> files, InputFormat format) {
    SplitFileReader reader = new SplitFileReader(spark, splitBytes);
    return format == InputFormat.CSV ? reader.readCsv(files) : reader.readJson(files);
  }
}
