package org.patientinsight.udfs;

/** One input row in the PMC-Patients layout, every field as the raw string read from the file. */
public record RawCase(
    String patientId,
    String patientUid,
    String pmid,
    String filePath,
    String title,
    String patient,
    String age,
    String gender,
    String relevantArticles,
    String similarPatients) {
}
