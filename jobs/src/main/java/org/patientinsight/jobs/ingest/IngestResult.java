package org.patientinsight.jobs.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientinsight.jobs.run.StageResult;
import org.patientinsight.quality.report.ReasonCount;

/** What reading and staging one input gave: the files read, the counts, why rows were quarantined. */
public record IngestResult(List<String> inputFiles, long read, long quarantined, long superseded,
    List<ReasonCount> quarantineReasons) implements StageResult {

  public IngestResult {
    inputFiles = List.copyOf(inputFiles);
    quarantineReasons = List.copyOf(quarantineReasons);
  }

  @Override
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("read", read);
    m.put("quarantined", quarantined);
    m.put("superseded", superseded);
    return m;
  }

  @Override
  public Map<String, Object> sections() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input_files", inputFiles);
    if (!quarantineReasons.isEmpty()) {
      Map<String, Long> byCode = new LinkedHashMap<>();
      quarantineReasons.forEach(r -> byCode.put(r.code(), r.count()));
      m.put("quarantine_reasons", byCode);
    }
    return m;
  }
}
