package org.patientinsight.contract;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code near_duplicates}: pairs of different cases whose notes are near-identical (appended,
 * no key), identified by their patient_uids only.
 */
public final class NearDuplicatesTable {
  private NearDuplicatesTable() {}

  public static final String NAME = "near_duplicates";

  public static final String RUN_ID = CasesTable.RUN_ID;
  public static final String PATIENT_UID_A = CasesTable.PATIENT_UID + "_a";
  public static final String PATIENT_UID_B = CasesTable.PATIENT_UID + "_b";
  /** Jaccard similarity of the two notes' word shingles */
  public static final String JACCARD = "jaccard";
  public static final String DETECTED_AT = "detected_at";

  public static final StructType SCHEMA = new StructType()
      .add(RUN_ID, DataTypes.StringType, false)
      .add(PATIENT_UID_A, DataTypes.StringType, true)
      .add(PATIENT_UID_B, DataTypes.StringType, true)
      .add(JACCARD, DataTypes.DoubleType, true)
      .add(DETECTED_AT, DataTypes.TimestampType, false);
}
