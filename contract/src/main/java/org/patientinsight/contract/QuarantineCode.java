package org.patientinsight.contract;

/**
 * Why a record was quarantined: the {@code code} of a {@link QuarantineTable#REASONS} element.
 * The names are stored in the table and counted in run summaries, so they never change.
 */
public enum QuarantineCode {
  /** the reader could not split the record into the header's fields (CSV), or it is not a JSON object */
  BROKEN_RECORD,
  /** bytes that are not UTF-8; decoding them anyway would change the note silently */
  INVALID_ENCODING,
  MISSING_PATIENT_UID,
  EMPTY_NOTE,
  /** shorter than the {@link NoteLengthRule} after cleaning */
  NOTE_TOO_SHORT,
  /** relevant_articles is not a Python dict literal (the retrieval ground truth) */
  MALFORMED_RELEVANT_ARTICLES,
  /** similar_patients is not a Python dict literal */
  MALFORMED_SIMILAR_PATIENTS
}
