package org.patientinsight.jobs.export;

import java.util.Map;
import org.patientinsight.jobs.run.StageResult;

/** How many rows an export wrote. */
public record Exported(long rows) implements StageResult {
  @Override
  public Map<String, Long> counts() {
    return Map.of("exported", rows);
  }
}
