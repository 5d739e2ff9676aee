package org.patientinsight.quality.checks;

import java.util.List;

/** Column names of a staged batch and of the {@code cases} table that the checks read. */
public final class CaseColumns {
  private CaseColumns() {}

  public static final String PATIENT_UID = "patient_uid";
  public static final String PMID = "pmid";
  public static final String TITLE = "title";
  public static final String NOTE = "note";
  public static final String AGE_YEARS = "age_years";
  public static final String AGE_SOURCE = "age_source";
  public static final String GENDER = "gender";
  public static final String GENDER_SOURCE = "gender_source";
  public static final String NOTE_CHARS = "note_chars";

  /** Columns the check suite and report need; a batch without one of them is refused. */
  public static final List<String> REQUIRED = List.of(PATIENT_UID, PMID, TITLE, NOTE, AGE_YEARS,
      AGE_SOURCE, GENDER, GENDER_SOURCE, NOTE_CHARS);

  /** Values of age_source / gender_source. */
  public static final String SOURCE_FIELD = "field";
  public static final String SOURCE_TEXT = "text";
  public static final String SOURCE_NONE = "none";
}
