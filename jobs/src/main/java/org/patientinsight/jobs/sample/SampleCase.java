package org.patientinsight.jobs.sample;

import java.util.List;

/**
 * One generated row: the ten PMC-Patients fields as written, plus the truth behind them
 * (what the patient's age and sex really are, which dirt, if any, was injected, and the note
 * as written before the dirt), which tests compare ingest results against.
 */
public record SampleCase(
    String patientId,
    String patientUid,
    String pmid,
    String filePath,
    String title,
    String patient,
    String age,
    String gender,
    String relevantArticles,
    String similarPatients,
    double trueAgeYears,
    String trueSex,
    DirtType dirt,
    String noteBeforeDirt) {

  public boolean dirty() {
    return dirt != null;
  }

  /** Field values in header order. */
  public List<String> fields() {
    return List.of(patientId, patientUid, pmid, filePath, title, patient, age, gender,
        relevantArticles, similarPatients);
  }

  SampleCase withDirt(DirtType type, String newPatient, String newAge, String newGender) {
    return new SampleCase(patientId, patientUid, pmid, filePath, title, newPatient, newAge, newGender,
        relevantArticles, similarPatients, trueAgeYears, trueSex, type, noteBeforeDirt);
  }
}
