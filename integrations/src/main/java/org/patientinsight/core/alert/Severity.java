package org.patientinsight.core.alert;

/** How loud an alert is: a WARNING is worth a look, an ALERT needs action. */
public enum Severity {
  WARNING,
  ALERT
}
