package org.patientinsight.udfs;

/**
 * Why a row cannot be published. Messages state counts and positions only, never patient text.
 */
public record QuarantineReason(String code, String message) {

  public static final String MISSING_PATIENT_UID = "MISSING_PATIENT_UID";
  public static final String EMPTY_NOTE = "EMPTY_NOTE";
  public static final String NOTE_TOO_SHORT = "NOTE_TOO_SHORT";
  public static final String MALFORMED_RELEVANT_ARTICLES = "MALFORMED_RELEVANT_ARTICLES";
  public static final String MALFORMED_SIMILAR_PATIENTS = "MALFORMED_SIMILAR_PATIENTS";
}
