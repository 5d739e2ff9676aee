package org.patientinsight.pinecone;

import io.pinecone.clients.Pinecone;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.proto.VectorServiceGrpc;
import java.util.concurrent.TimeUnit;

/**
 * The official client's data-plane connection (its gRPC channel, API-key and API-version
 * headers, message-size limits), opened straight from a {@link PineconeConfig} with the index
 * host, so no control-plane call is made when the host is known. Calls go through the client's
 * generated stub with a fresh deadline each time: the client's {@code Index} methods take no
 * deadline, and a call without one can hang a Spark task forever.
 */
final class DataPlaneConnection implements AutoCloseable {

  static final String SOURCE_TAG = "patient_insight";

  private final PineconeConnection connection;
  private final String host;
  private final long deadlineMillis;

  DataPlaneConnection(PineconeSettings settings) {
    this.host = settings.host() != null ? settings.host() : resolveHost(settings);
    PineconeConfig config = new PineconeConfig(settings.apiKey(), SOURCE_TAG);
    config.setHost(host);
    config.setTLSEnabled(settings.tls());
    this.connection = new PineconeConnection(config, settings.indexName());
    this.deadlineMillis = settings.deadlineMillis();
  }

  /** The blocking stub for one call, with the configured deadline starting now. */
  VectorServiceGrpc.VectorServiceBlockingStub stub() {
    return connection.getBlockingStub().withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS);
  }

  String host() {
    return host;
  }

  private static String resolveHost(PineconeSettings settings) {
    try {
      Pinecone.Builder builder = new Pinecone.Builder(settings.apiKey()).withSourceTag(SOURCE_TAG);
      if (settings.controlHost() != null) {
        builder.withHost(settings.controlHost());
      }
      Pinecone control = builder.build();
      String resolved = control.describeIndex(settings.indexName()).getHost();
      if (resolved == null || resolved.isBlank()) {
        throw new IllegalStateException("no host reported");
      }
      return resolved;
    } catch (RuntimeException e) {
      throw new PineconeStoreException("cannot resolve pinecone.index '" + settings.indexName()
          + "' to its host (" + e.getClass().getSimpleName() + "); set pinecone.host instead",
          "describeIndex", "UNKNOWN", 1, false, e);
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
