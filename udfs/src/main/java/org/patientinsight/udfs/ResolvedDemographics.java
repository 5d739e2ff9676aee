package org.patientinsight.udfs;

/**
 * A case's age and sex with where each came from: a
 * {@link org.patientinsight.contract.DemographicSource} value (the structured column, read from
 * the note, or none).
 */
public record ResolvedDemographics(Double ageYears, String ageSource, String gender, String genderSource) {
}
