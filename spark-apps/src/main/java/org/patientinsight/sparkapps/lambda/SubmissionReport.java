package org.patientinsight.sparkapps.lambda;

import java.util.ArrayList;
import java.util.List;

/** What one invocation did, returned to Lambda (and logged): application names, never file contents. */
public final class SubmissionReport {
  private final List<String> submitted = new ArrayList<>();
  private final List<String> alreadySubmitted = new ArrayList<>();
  private int ignoredRecords;

  void submitted(String name) { submitted.add(name); }
  void alreadySubmitted(String name) { alreadySubmitted.add(name); }
  void ignored() { ignoredRecords++; }

  public List<String> getSubmitted() { return List.copyOf(submitted); }
  public List<String> getAlreadySubmitted() { return List.copyOf(alreadySubmitted); }
  public int getIgnoredRecords() { return ignoredRecords; }

  @Override
  public String toString() {
    return "submitted=" + submitted + " alreadySubmitted=" + alreadySubmitted + " ignored=" + ignoredRecords;
  }
}
