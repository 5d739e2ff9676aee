package org.patientinsight.contract;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code quarantine}: each record that could not be used, kept whole (appended, no key) with
 * the reasons why; a reason is a {@link QuarantineCode} and a message that states counts and
 * positions only, never patient text.
 */
public final class QuarantineTable {
  private QuarantineTable() {}

  public static final String NAME = "quarantine";

  public static final String RUN_ID = CasesTable.RUN_ID;
  public static final String SOURCE_URI = CasesTable.SOURCE_URI;
  /** null when the record had none (or could not be parsed far enough to find it) */
  public static final String PATIENT_UID = CasesTable.PATIENT_UID;
  /** the record as read: the raw fields as JSON, or the raw text of a broken record */
  public static final String RAW_RECORD = "raw_record";
  public static final String REASONS = "reasons";
  public static final String QUARANTINED_AT = "quarantined_at";

  /** Fields of one element of {@link #REASONS}. */
  public static final String REASON_CODE = "code";
  public static final String REASON_MESSAGE = "message";

  public static final StructType REASON = new StructType()
      .add(REASON_CODE, DataTypes.StringType, false)
      .add(REASON_MESSAGE, DataTypes.StringType, false);

  public static final DataType REASON_LIST = DataTypes.createArrayType(REASON, false);

  public static final StructType SCHEMA = new StructType()
      .add(RUN_ID, DataTypes.StringType, false)
      .add(SOURCE_URI, DataTypes.StringType, true)
      .add(PATIENT_UID, DataTypes.StringType, true)
      .add(RAW_RECORD, DataTypes.StringType, true)
      .add(REASONS, REASON_LIST, true)
      .add(QUARANTINED_AT, DataTypes.TimestampType, false);
}
