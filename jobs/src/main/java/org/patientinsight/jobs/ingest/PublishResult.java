package org.patientinsight.jobs.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.jobs.run.StageResult;

/** What publishing a batch did to the cases table, and the table's version afterwards. */
public record PublishResult(long inserted, long updated, long unchanged, long casesVersion) implements StageResult {
  @Override
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("inserted", inserted);
    m.put("updated", updated);
    m.put("unchanged", unchanged);
    return m;
  }

  @Override
  public Map<String, Long> tableVersions() {
    return Map.of(CasesTable.NAME, casesVersion);
  }
}
