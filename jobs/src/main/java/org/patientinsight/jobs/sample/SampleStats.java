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

  /** "200 rows, 14 with planted dirt (3 malformed age, 2 empty note, …)" for the console. */
  public String describe() {
    StringBuilder sb = new StringBuilder().append(rowsWritten).append(rowsWritten == 1 ? " row" : " rows");
    long dirty = dirtyTotal();
    if (dirty == 0) {
      return sb.append(", no planted dirt").toString();
    }
    sb.append(", ").append(dirty).append(" with planted dirt (");
    String sep = "";
    for (Map.Entry<DirtType, Long> e : dirtyRows.entrySet()) {
      sb.append(sep).append(e.getValue()).append(' ')
          .append(e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      sep = ", ";
    }
    return sb.append(')').toString();
  }
}
