package org.patientinsight.udfs;

/**
 * A case's age and sex with where each came from: {@link DemographicsResolver#FIELD} (the
 * structured column), {@link DemographicsResolver#TEXT} (read from the note) or
 * {@link DemographicsResolver#NONE}.
 */
public record ResolvedDemographics(Double ageYears, String ageSource, String gender, String genderSource) {
}
