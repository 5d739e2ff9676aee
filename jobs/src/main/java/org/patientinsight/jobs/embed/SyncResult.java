package org.patientinsight.jobs.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.contract.EmbeddingsTable;
import org.patientinsight.contract.VectorSyncTable;
import org.patientinsight.jobs.run.StageResult;

/**
 * What one sync did to one store: vectors upserted, ids deleted, cases still waiting for an
 * embedding, and what the store and its record in {@code vector_sync} hold afterwards.
 */
public record SyncResult(String store, long upserted, long deleted, long notEmbedded,
    boolean fullResync, long storeCount, long ledgerCount, double seconds,
    Map<String, Object> storeStats, long ledgerVersion, long embeddingsVersion) implements StageResult {

  @Override
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("upserted", upserted);
    m.put("deleted", deleted);
    return m;
  }

  @Override
  public Map<String, Long> tableVersions() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(VectorSyncTable.NAME, ledgerVersion);
    m.put(EmbeddingsTable.NAME, embeddingsVersion);
    return m;
  }

  @Override
  public Map<String, Object> sections() {
    return Map.of("vector_sync", toSection());
  }

  /** The run summary's {@code vector_sync} section (figures only). */
  public Map<String, Object> toSection() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("store", store);
    m.put("upserted", upserted);
    m.put("deleted", deleted);
    m.put("not_embedded", notEmbedded);
    m.put("full_resync", fullResync);
    m.put("store_count", storeCount);
    m.put("ledger_count", ledgerCount);
    m.put("seconds", Math.round(seconds * 1000) / 1000.0);
    m.putAll(storeStats);
    return m;
  }
}
