package org.patientinsight.udfs;

/**
 * Age and sex read from a case's prose.
 *
 * @param ageYears age in years, or null when the text states none
 * @param sex      "M", "F", or null when the text does not say
 */
public record Demographics(Double ageYears, String sex) {
}
