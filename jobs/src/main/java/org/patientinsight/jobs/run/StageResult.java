package org.patientinsight.jobs.run;

import java.util.List;
import java.util.Map;
import org.patientinsight.core.alert.Alert;

/**
 * What one stage of a run produced, as an immutable value. The run record is assembled from
 * these (never from a string-keyed bag): each result says which summary sections, counts and
 * table versions it contributes, in the order they appear in the summary JSON.
 */
public interface StageResult {
  /** Summary sections by name (merged into an existing section of the same name). */
  default Map<String, Object> sections() {
    return Map.of();
  }

  /** Counts for the summary's {@code counts} (read, inserted, … embedded, upserted …). */
  default Map<String, Long> counts() {
    return Map.of();
  }

  /** The Delta version of each table this stage wrote or read as its input. */
  default Map<String, Long> tableVersions() {
    return Map.of();
  }

  /** Alerts this stage raised (drift), for the run's exit code and last console lines. */
  default List<Alert> alerts() {
    return List.of();
  }
}
