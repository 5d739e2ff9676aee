package org.patientinsight.jobs.pipeline;

import java.util.Map;
import org.patientinsight.jobs.run.StageResult;

/** A batch the gate refused: how many staged cases were not published, and why. */
public record RejectedBatch(long cases, String reason) implements StageResult {
  @Override
  public Map<String, Long> counts() {
    return Map.of("rejected", cases);
  }
}
