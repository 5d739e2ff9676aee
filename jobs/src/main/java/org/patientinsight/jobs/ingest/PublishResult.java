package org.patientinsight.jobs.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.jobs.run.StageResult;
import org.patientinsight.jobs.tables.Tables;

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
    return Map.of(Tables.CASES, casesVersion);
  }
}
