package org.patientinsight.jobs.sample;

/**
 * A patient's age three ways: in years (the truth), as the PMC-Patients age literal, and as
 * the number and unit the note's prose uses ("18-month-old" for [[1.0, 'year'], [6.0, 'month']]).
 */
record SampledAge(double years, String literal, int proseAmount, String proseUnit) {

  boolean isAdult() {
    return years >= 18;
  }

  boolean isNeonate() {
    return years < 28 / 365.25;
  }
}
