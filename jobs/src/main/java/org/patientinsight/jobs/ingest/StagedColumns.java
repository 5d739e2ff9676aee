package org.patientinsight.jobs.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.QuarantineTable;

/**
 * The shape of a raw row after cleaning: a usable case, or a quarantined record with reasons.
 * Its columns are the tables' (every one nullable: a case row has no reasons, a quarantined one
 * no cleaned fields) plus the row's kind and its place in the input.
 */
public final class StagedColumns {
  private StagedColumns() {}

  public static final String KIND = "kind";
  public static final String KIND_CASE = "case";
  public static final String KIND_QUARANTINE = "quarantine";
  public static final String SEQ = "seq";
  public static final String SOURCE_URI = CasesTable.SOURCE_URI;
  public static final String REASONS = QuarantineTable.REASONS;
  public static final String RAW_RECORD = QuarantineTable.RAW_RECORD;

  /** kind, seq, source_uri, then {@link CasesTable#CLEANED_COLUMNS} in order, then reasons and raw_record. */
  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = new StructType()
        .add(KIND, DataTypes.StringType, false)
        .add(SEQ, DataTypes.LongType, false)
        .add(SOURCE_URI, DataTypes.StringType, true);
    for (String c : CasesTable.CLEANED_COLUMNS) {
      StructField f = CasesTable.SCHEMA.apply(c);
      s = s.add(f.name(), f.dataType(), true);
    }
    return s.add(REASONS, QuarantineTable.REASON_LIST, true)
        .add(RAW_RECORD, DataTypes.StringType, true);
  }
}
