package org.patientinsight.jobs.sample;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param rowsWritten data rows written (header excluded)
 * @param dirtyRows   rows per dirt type; types not injected are absent
 */
public record SampleStats(long rowsWritten, Map<DirtType, Long> dirtyRows) {

  public SampleStats {
    dirtyRows = Collections.unmodifiableMap(dirtyRows.isEmpty()
        ? new EnumMap<>(DirtType.class) : new EnumMap<>(dirtyRows));
  }

  public long dirtyTotal() {
    return dirtyRows.values().stream().mapToLong(Long::longValue).sum();
  }

  public long dirty(DirtType type) {
    return dirtyRows.getOrDefault(type, 0L);
  }
}
