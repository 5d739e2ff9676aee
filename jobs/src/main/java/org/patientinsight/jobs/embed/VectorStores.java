package org.patientinsight.jobs.embed;

import java.util.Map;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.vector.LocalStoreSettings;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.StoreChoice;

/**
 * Opens the vector store the configuration names in {@value #STORE_KEY}: {@code local} (the
 * Lucene index under {@code vector.local.dir}, default) or {@code pinecone} (the
 * {@code pinecone.*} keys and env PINECONE_API_KEY); {@code none} means there is none to sync.
 */
public final class VectorStores {
  public static final String STORE_KEY = StoreChoice.KEY;
  public static final String LOCAL = StoreChoice.LOCAL;
  public static final String PINECONE = StoreChoice.PINECONE;
  /** No store: the pipeline leaves out embed and sync; 'embed' alone still fills the table. */
  public static final String NONE = StoreChoice.NONE;

  private VectorStores() {}

  /** The configured store's name; a value other than local/pinecone/none fails naming the key. */
  public static String configuredName(Settings settings) {
    return StoreChoice.configured(settings);
  }

  public static OpenedStore open(Settings settings, Map<String, String> env) {
    String name = configuredName(settings);
    if (NONE.equals(name)) {
      throw new ConfigException(STORE_KEY, "configuration key '" + STORE_KEY + "' is 'none': there"
          + " is no vector store to sync (set it to local or pinecone)");
    }
    if (PINECONE.equals(name)) {
      // in its own class, so a local-only run never loads the Pinecone client
      return PineconeStores.open(settings, env);
    }
    LocalStoreSettings local = LocalStoreSettings.from(settings);
    LocalVectorStore store = LocalVectorStore.open(local);
    return new OpenedStore(store, "local:" + local.dir(), true, Map::of);
  }
}
