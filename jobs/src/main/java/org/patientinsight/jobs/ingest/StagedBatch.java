package org.patientinsight.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.contract.QuarantineTable;
import org.patientinsight.quality.deequ.ScalaInterop;

/**
 * A cleaned batch, held in Spark until published: the cases offered to the table (one per
 * patient_uid, the last in input order), the quarantined rows, and the counts that reconcile
 * them with what was read: {@code read = staged cases + quarantined + superseded}.
 */
public final class StagedBatch implements AutoCloseable {
  private final Dataset<Row> staged;
  private final Dataset<Row> cases;
  private final Dataset<Row> quarantine;
  private final long read;
  private final long quarantined;
  private final long superseded;
  private final long caseCount;

  private StagedBatch(Dataset<Row> staged, Dataset<Row> cases, Dataset<Row> quarantine,
      long read, long quarantined, long superseded, long caseCount) {
    this.staged = staged;
    this.cases = cases;
    this.quarantine = quarantine;
    this.read = read;
    this.quarantined = quarantined;
    this.superseded = superseded;
    this.caseCount = caseCount;
  }

  /**
   * Cleans the raw rows and splits them. The staged rows are persisted (memory, spilling to
   * disk) so later stages don't re-read the input.
   */
  public static StagedBatch stage(Dataset<Row> raw, NoteLengthRule noteLength, String runId, Timestamp now) {
    Dataset<Row> staged = raw
        .mapPartitions(new CleanPartition(noteLength), org.apache.spark.sql.Encoders.row(StagedColumns.SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());

    long read = 0;
    long quarantined = 0;
    long usable = 0;
    List<Row> byKind = staged.groupBy(col(StagedColumns.KIND)).count().collectAsList();
    for (Row r : byKind) {
      long n = r.getLong(1);
      read += n;
      if (StagedColumns.KIND_QUARANTINE.equals(r.getString(0))) {
        quarantined += n;
      } else {
        usable += n;
      }
    }

    // "last row wins": the superseded rows are found on (uid, seq) alone — a small shuffle — and
    // dropped with an anti-join, so the notes are never shuffled or sorted, and the cases need
    // no second cached copy (they are a filter of the cached staged rows)
    Dataset<Row> caseRows = staged.filter(col(StagedColumns.KIND).equalTo(StagedColumns.KIND_CASE));
    String uid = CasesTable.PATIENT_UID;
    Dataset<Row> superseded = caseRows.select(col(uid), col(StagedColumns.SEQ))
        .withColumn("_rank", row_number().over(
            Window.partitionBy(col(uid)).orderBy(desc(StagedColumns.SEQ))))
        .filter(col("_rank").gt(1))
        .select(col(uid), col(StagedColumns.SEQ));
    Dataset<Row> latest = caseRows
        .join(superseded, ScalaInterop.seq(uid, StagedColumns.SEQ), "left_anti")
        .select(inTableOrder(CasesTable.SCHEMA,
            Map.of(CasesTable.RUN_ID, lit(runId), CasesTable.INGESTED_AT, lit(now))));
    long caseCount = latest.count();

    Dataset<Row> quarantine = staged
        .filter(col(StagedColumns.KIND).equalTo(StagedColumns.KIND_QUARANTINE))
        .select(inTableOrder(QuarantineTable.SCHEMA,
            Map.of(QuarantineTable.RUN_ID, lit(runId), QuarantineTable.QUARANTINED_AT, lit(now))));
    return new StagedBatch(staged, latest, quarantine, read, quarantined, usable - caseCount, caseCount);
  }

  /** The table's columns in its order: the staged row's, except those the run supplies. */
  private static Column[] inTableOrder(StructType table, Map<String, Column> fromRun) {
    return Arrays.stream(table.fieldNames())
        .map(c -> fromRun.containsKey(c) ? fromRun.get(c).as(c) : col(c))
        .toArray(Column[]::new);
  }

  /** The cases to publish, in the {@code cases} table's shape. */
  public Dataset<Row> cases() {
    return cases;
  }

  /** The quarantined rows, in the {@code quarantine} table's shape. */
  public Dataset<Row> quarantine() {
    return quarantine;
  }

  public long read() {
    return read;
  }

  public long quarantined() {
    return quarantined;
  }

  /** Rows whose patient_uid appeared again later in the same batch. */
  public long superseded() {
    return superseded;
  }

  /** Distinct usable cases offered for publishing. */
  public long caseCount() {
    return caseCount;
  }

  @Override
  public void close() {
    staged.unpersist();
  }
}
