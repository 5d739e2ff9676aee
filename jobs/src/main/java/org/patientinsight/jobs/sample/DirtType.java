package org.patientinsight.jobs.sample;

/** The kinds of dirt real PMC-Patients files carry, each injected into a share of sample rows. */
public enum DirtType {
  /** age field that is not a valid literal ("[[58.0 'year']]", unknown unit, negative); prose states the age. */
  MALFORMED_AGE,
  /** age field empty, "[]" or "nan"; prose states the age. */
  MISSING_AGE,
  /** gender field empty; prose states the sex. */
  MISSING_GENDER,
  /** gender field "U" or similar; prose states the sex. */
  UNKNOWN_GENDER,
  /** note empty, blank, markup only or a few characters: the one type ingest must quarantine. */
  EMPTY_NOTE,
  /** an earlier row's patient_uid again, with newer note text (the later row wins). */
  REPEATED_UID,
  /** HTML tags and character entities in the note. */
  HTML_MARKUP,
  /** control characters, zero-width and non-breaking spaces, full-width digits, ligatures. */
  CONTROL_AND_UNICODE,
  /** a note over 100,000 characters. */
  HUGE_NOTE;

  /** Whether ingest should quarantine a row with this dirt; all other dirt is cleaned or sourced. */
  public boolean quarantinedByIngest() {
    return this == EMPTY_NOTE;
  }
}
