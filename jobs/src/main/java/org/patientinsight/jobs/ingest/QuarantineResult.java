package org.patientinsight.jobs.ingest;

import java.util.Map;
import org.patientinsight.contract.QuarantineTable;
import org.patientinsight.jobs.run.StageResult;

/** The quarantine table's version after this run kept its rows (negative: there is no table). */
public record QuarantineResult(long version) implements StageResult {
  @Override
  public Map<String, Long> tableVersions() {
    return version >= 0 ? Map.of(QuarantineTable.NAME, version) : Map.of();
  }
}
