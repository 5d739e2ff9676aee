package org.patientinsight.contract;

import java.util.List;

/** Where a case's age or sex came from: the values of {@code age_source} and {@code gender_source}. */
public final class DemographicSource {
  private DemographicSource() {}

  /** the structured column of the raw record */
  public static final String FIELD = "field";
  /** read from the note's prose */
  public static final String TEXT = "text";
  /** neither holds a usable value */
  public static final String NONE = "none";

  public static final List<String> ALL = List.of(FIELD, TEXT, NONE);
}
