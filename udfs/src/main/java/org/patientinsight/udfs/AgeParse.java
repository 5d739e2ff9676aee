package org.patientinsight.udfs;

/**
 * Result of reading a PMC-Patients {@code age} field.
 *
 * @param years   age in years when {@link Status#PRESENT}, else null
 * @param status  whether the field held an age, nothing, or something unreadable
 * @param problem short reason when {@link Status#MALFORMED} (never the raw text), else null
 */
public record AgeParse(Double years, Status status, String problem) {

  public enum Status { PRESENT, MISSING, MALFORMED }

  static AgeParse present(double years) {
    return new AgeParse(years, Status.PRESENT, null);
  }

  static AgeParse missing() {
    return new AgeParse(null, Status.MISSING, null);
  }

  static AgeParse malformed(String problem) {
    return new AgeParse(null, Status.MALFORMED, problem);
  }
}
