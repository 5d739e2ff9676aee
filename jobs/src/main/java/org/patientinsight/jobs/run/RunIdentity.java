package org.patientinsight.jobs.run;

import java.time.Instant;
import org.patientinsight.core.config.WarehouseLayout;

/** Which run this is: its id, the command, what it reads, the warehouse it writes, when it began. */
public record RunIdentity(String runId, String command, String input, String warehouse, Instant startedAt) {

  /** Where everything of this warehouse lives: ask it for every path. */
  public WarehouseLayout layout() {
    return WarehouseLayout.of(warehouse);
  }
}
