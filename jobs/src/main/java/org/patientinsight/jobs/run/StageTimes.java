package org.patientinsight.jobs.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seconds spent in each named step of a run, summed when a step runs more than once. */
public final class StageTimes {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private volatile String current;

  void started(String name) {
    current = name;
  }

  void finished(String name, double secs) {
    seconds.merge(name, Math.round(secs * 1000) / 1000.0, Double::sum);
  }

  /** The step that started last (what a crashed run was doing). */
  public String current() {
    return current;
  }

  public Map<String, Double> seconds() {
    return Collections.unmodifiableMap(seconds);
  }
}
