package org.patientinsight.jobs.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.core.config.Settings;
import org.patientinsight.pinecone.PineconeSettings;
import org.patientinsight.pinecone.PineconeVectorStore;
import org.patientinsight.pinecone.UpsertStats;

/** Opens the Pinecone store for the sync stage (kept apart so only Pinecone runs load it). */
final class PineconeStores {
  private PineconeStores() {}

  static OpenedStore open(Settings settings, Map<String, String> env) {
    PineconeSettings ps = PineconeSettings.fromSettings(settings, env);
    PineconeVectorStore store = new PineconeVectorStore(ps);
    String where = ps.host() != null ? ps.host() : "index=" + ps.indexName();
    return new OpenedStore(store, "pinecone:" + where + "/" + ps.namespace(), false, () -> {
      UpsertStats s = store.stats();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("upsert_requests", s.requests());
      m.put("upserted_bytes", s.bytes());
      m.put("throttled_ms", s.throttledMillis());
      return m;
    });
  }
}
