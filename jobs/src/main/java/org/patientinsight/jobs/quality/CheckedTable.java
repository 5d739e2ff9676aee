package org.patientinsight.jobs.quality;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.jobs.run.StageResult;

/** The published cases table read for an on-demand check: its rows (all unchanged) and version. */
public record CheckedTable(long rows, long casesVersion) implements StageResult {
  @Override
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("read", rows);
    m.put("unchanged", rows);
    return m;
  }

  @Override
  public Map<String, Long> tableVersions() {
    return Map.of(CasesTable.NAME, casesVersion);
  }
}
