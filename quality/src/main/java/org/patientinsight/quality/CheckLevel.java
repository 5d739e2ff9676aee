package org.patientinsight.quality;

/** How much a failed check matters: ERROR blocks publishing, WARNING is reported only. */
public enum CheckLevel {
  ERROR,
  WARNING
}
