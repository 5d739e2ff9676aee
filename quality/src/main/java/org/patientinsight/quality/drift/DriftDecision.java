package org.patientinsight.quality.drift;

import java.util.List;

/**
 * What the policy concluded for one comparison.
 *
 * @param reasons human-readable, figures only: why it alerts or warns, or why it could not
 */
public record DriftDecision(boolean alert, boolean warning, List<String> reasons) {
  public DriftDecision {
    reasons = List.copyOf(reasons);
    if (alert && warning) {
      throw new IllegalArgumentException("a decision is an alert or a warning, not both");
    }
  }
}
