package org.patientinsight.udfs;

import static org.patientinsight.contract.DemographicSource.FIELD;
import static org.patientinsight.contract.DemographicSource.NONE;
import static org.patientinsight.contract.DemographicSource.TEXT;

/**
 * Chooses each case's age and sex: the structured field when it holds a valid value,
 * otherwise what the note's prose states, otherwise nothing — and records which it was
 * (a {@link org.patientinsight.contract.DemographicSource} value).
 */
public final class DemographicsResolver {

  /** Older than any documented human; such a field value is a data error, not an age. */
  static final double MAX_AGE_YEARS = 120.0;

  private DemographicsResolver() {
  }

  public static ResolvedDemographics resolve(String ageField, String genderField, String cleanedNote) {
    AgeParse age = AgeLiteral.parse(ageField);
    boolean ageValid = age.status() == AgeParse.Status.PRESENT && age.years() <= MAX_AGE_YEARS;
    String gender = GenderField.normalise(genderField);

    Demographics prose = ageValid && gender != null
        ? null : DemographicsExtractor.extract(cleanedNote); // skip the scan when not needed

    Double ageYears = ageValid ? age.years() : prose.ageYears();
    String ageSource = ageValid ? FIELD : (ageYears != null ? TEXT : NONE);
    String resolvedGender = gender != null ? gender : prose.sex();
    String genderSource = gender != null ? FIELD : (resolvedGender != null ? TEXT : NONE);
    return new ResolvedDemographics(ageYears, ageSource, resolvedGender, genderSource);
  }
}
