package org.patientinsight.core.vector;

/**
 * Optional restrictions on a search, pushed down to the store: age range in years
 * (inclusive) and sex ("M"/"F"). Null fields do not restrict.
 */
public record SearchFilter(Double ageMin, Double ageMax, String sex) {
  public static final SearchFilter NONE = new SearchFilter(null, null, null);

  public boolean isEmpty() {
    return ageMin == null && ageMax == null && sex == null;
  }
}
