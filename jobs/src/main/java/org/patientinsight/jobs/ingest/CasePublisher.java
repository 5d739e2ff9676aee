package org.patientinsight.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.contract.CasesTable;

/**
 * Publishes a staged batch into the {@code cases} Delta table by MERGE on patient_uid: new
 * cases are inserted, cases whose content hash changed are updated, the rest are left alone.
 * A batch with nothing new writes nothing, so re-running the same input adds no version.
 */
public final class CasePublisher {
  private final SparkSession spark;

  public CasePublisher(SparkSession spark) {
    this.spark = spark;
  }

  /** How the batch compares with the table, before anything is written. */
  public record Changes(long inserted, long updated, long unchanged) {
    public long changed() {
      return inserted + updated;
    }
  }

  public Changes diff(Dataset<Row> batch, String casesPath) {
    if (!DeltaTable.isDeltaTable(spark, casesPath)) {
      return new Changes(batch.count(), 0, 0);
    }
    Dataset<Row> current = spark.read().format("delta").load(casesPath)
        .select(col(CasesTable.PATIENT_UID).as("t_uid"), col(CasesTable.CONTENT_HASH).as("t_hash"));
    Row r = batch.select(col(CasesTable.PATIENT_UID), col(CasesTable.CONTENT_HASH))
        .join(current, col(CasesTable.PATIENT_UID).equalTo(col("t_uid")), "left")
        .agg(
            sum(when(col("t_uid").isNull(), 1).otherwise(0)).as("inserted"),
            sum(when(col("t_uid").isNotNull().and(col("t_hash").notEqual(col(CasesTable.CONTENT_HASH))), 1)
                .otherwise(0)).as("updated"),
            count(lit(1)).as("total"))
        .first();
    long inserted = r.isNullAt(0) ? 0 : r.getLong(0);
    long updated = r.isNullAt(1) ? 0 : r.getLong(1);
    long total = r.getLong(2);
    return new Changes(inserted, updated, total - inserted - updated);
  }

  /** Writes the changes (if any). Returns true when a new table version was committed. */
  public boolean publish(Dataset<Row> batch, String casesPath, Changes changes) {
    if (!DeltaTable.isDeltaTable(spark, casesPath)) {
      // first publish: the batch becomes version 0 (even when empty, so readers find a table)
      batch.write().format("delta").mode("errorifexists").save(casesPath);
      return true;
    }
    if (changes.changed() == 0) {
      return false;
    }
    DeltaTable.forPath(spark, casesPath).as("t")
        .merge(batch.as("s"), CasesTable.KEY.mergeCondition("t", "s"))
        .whenMatched("t." + CasesTable.CONTENT_HASH + " <> s." + CasesTable.CONTENT_HASH).updateAll()
        .whenNotMatched().insertAll()
        .execute();
    return true;
  }
}
