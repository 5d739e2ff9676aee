package org.patientinsight.serving.generate;

/** The clinician's description of the current patient; age and sex are optional. */
public record CaseDescription(String symptoms, Double age, String sex) {}
