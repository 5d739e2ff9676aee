package org.patientinsight.core.alert;

/** How many alerts one sink delivered and failed so far. */
public record SinkTally(long sent, long failed) {
  SinkTally plus(boolean ok) {
    return ok ? new SinkTally(sent + 1, failed) : new SinkTally(sent, failed + 1);
  }
}
