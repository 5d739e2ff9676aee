package org.patientinsight.quality;

/** What an anomaly check concluded. */
public enum AnomalyStatus {
  /** No earlier accepted run to compare with: this run starts the history. */
  SEEDED,
  /** Within the allowed change. */
  NORMAL,
  /** Outside the allowed change. */
  ANOMALY
}
