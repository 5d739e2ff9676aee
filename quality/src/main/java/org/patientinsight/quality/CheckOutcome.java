package org.patientinsight.quality;

/**
 * The result of one named check of the suite.
 *
 * @param name stable identifier, e.g. {@code patient_uid_unique}
 * @param level ERROR blocks publishing, WARNING does not
 * @param requirement what the check demands, in words, e.g. "uniqueness(patient_uid) = 1"
 * @param constraint Deequ's own description of the constraint it evaluated
 * @param passed whether the requirement held
 * @param observedValue the metric Deequ measured (null when it could not be computed)
 * @param observed the measured value in words, e.g. "98.00% unique (2 duplicated rows)"
 * @param message Deequ's message when the check failed (null when it passed)
 */
public record CheckOutcome(
    String name,
    CheckLevel level,
    String requirement,
    String constraint,
    boolean passed,
    Double observedValue,
    String observed,
    String message) {

  /** "ERROR patient_uid_unique: uniqueness(patient_uid) = 1, observed 98.00% unique". */
  public String describe() {
    return level + " " + name + ": requires " + requirement + ", observed " + observed
        + (passed ? "" : " - FAILED");
  }
}
