package org.patientinsight.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.jobs.cli.InputOptions;
import org.patientinsight.jobs.testing.SharedSpark;

/** The parallel CSV reader on Spark: the same rows as before, from any number of splits. */
class SplitFileReaderTest {
  static SparkSession spark;
  static final Path SAMPLE = Path.of("..").resolve(InputOptions.SAMPLE).toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.get();
  }

  /** How ingest read CSV before: Spark's one-task-per-file multiLine reader, PERMISSIVE. */
  static Dataset<Row> sparkMultiLine(String file) {
    List<StructField> fields = new ArrayList<>();
    for (String c : RawColumns.ALL) {
      fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(RawColumns.CORRUPT, DataTypes.StringType, true));
    List<Column> cols = new ArrayList<>();
    for (String c : RawColumns.ALL) {
      cols.add(col(c));
    }
    cols.add(col(RawColumns.CORRUPT));
    cols.add(input_file_name().as(RawColumns.SOURCE));
    cols.add(monotonically_increasing_id().as(RawColumns.SEQ));
    cols.add(org.apache.spark.sql.functions.lit(null).cast(DataTypes.StringType).as(RawColumns.BAD_ENCODING));
    return spark.read().schema(new StructType(fields.toArray(new StructField[0])))
        .option("header", "true").option("multiLine", "true").option("quote", "\"")
        .option("escape", "\"").option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", RawColumns.CORRUPT).option("maxCharsPerColumn", "-1")
        .option("encoding", "UTF-8").csv(file).select(cols.toArray(new Column[0]));
  }

  private static List<String> rows(Dataset<Row> raw) {
    List<String> out = new ArrayList<>();
    for (Row r : raw.orderBy(RawColumns.SEQ).collectAsList()) {
      StringBuilder b = new StringBuilder();
      for (String c : RawColumns.ALL) {
        b.append(c).append('=').append(r.<String>getAs(c)).append('|');
      }
      b.append("corrupt=").append(r.<String>getAs(RawColumns.CORRUPT));
      b.append("|source=").append(r.<String>getAs(RawColumns.SOURCE));
      out.add(b.toString());
    }
    return out;
  }

  /** The rows in input order, without their source URI (which names where they were read). */
  static List<String> rowsWithoutSource(Dataset<Row> raw) {
    List<String> out = new ArrayList<>();
    for (String r : rows(raw)) {
      out.add(r.replaceAll("\\|source=.*", ""));
    }
    return out;
  }

  private static List<String> staged(Dataset<Row> raw) {
    List<String> out = new ArrayList<>();
    try (StagedBatch b = StagedBatch.stage(raw, new NoteLengthRule(50), "r", Timestamp.from(Instant.EPOCH))) {
      for (Row r : b.cases().orderBy("patient_uid").collectAsList()) {
        out.add("case " + r.getAs("patient_uid") + " " + r.getAs("content_hash") + " " + r.getAs("source_uri"));
      }
      for (Row r : b.quarantine().orderBy("patient_uid", "raw_record").collectAsList()) {
        out.add("quarantine " + r.getAs("patient_uid") + " " + r.getList(r.fieldIndex("reasons"))
            + " " + r.getAs("raw_record"));
      }
      out.add("read " + b.read() + " quarantined " + b.quarantined() + " superseded " + b.superseded());
    }
    return out;
  }

  @Test
  void theSampleReadsAsBeforeInOneSplitOrInMany() {
    List<String> files = List.of(SAMPLE.toString());
    Dataset<Row> before = sparkMultiLine(SAMPLE.toString());
    Dataset<Row> many = new RawCaseReader(spark, 256 << 10).read(files, InputFormat.CSV);
    assertTrue(many.rdd().getNumPartitions() >= 18, "a 4.9 MB file in 256 KiB splits");
    List<String> expected = rows(before);
    assertEquals(expected, rows(many), "same rows, same order, same source");
    assertEquals(expected, rows(new RawCaseReader(spark).read(files, InputFormat.CSV)));
    List<String> stagedBefore = staged(before);
    assertEquals(stagedBefore, staged(many), "same content hashes, same quarantine");
    assertTrue(stagedBefore.stream().anyMatch(s -> s.startsWith("quarantine")), "the sample has dirt");
  }

  @Test
  void aGzipFileNamedCsvIsRecognisedByItsBytes() throws Exception {
    Path gz = dir.resolve("cases.csv");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(SAMPLE, out);
    }
    List<String> plain = rowsWithoutSource(new RawCaseReader(spark).read(List.of(SAMPLE.toString()), InputFormat.CSV));
    List<String> unzipped = rowsWithoutSource(new RawCaseReader(spark, 64 << 10).read(List.of(gz.toString()), InputFormat.CSV));
    assertEquals(plain, unzipped);
  }
}
