package org.patientinsight.pinecone;

import com.google.protobuf.Struct;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.DescribeIndexStatsRequest;
import io.pinecone.proto.DescribeIndexStatsResponse;
import io.pinecone.proto.NamespaceSummary;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.QueryResponse;
import io.pinecone.proto.ScoredVector;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.UpsertResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.vector.ScoredMatch;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.core.vector.VectorRecord;
import org.patientinsight.core.vector.VectorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Case vectors in a Pinecone index namespace, through the official client (shaded inside this
 * module, so it runs next to Spark). Upserts are cut by count and wire size, paced by this
 * JVM's share of the cluster's MB/s budget, and retried with jittered back-off on throttling;
 * every call has a deadline. Thread-safe; share one instance per JVM and close it at the end.
 *
 * <p>Pinecone writes are not atomic: if an upsert fails part-way, the batches before the
 * failure are stored. Upserts and deletes are idempotent, so the caller simply retries the
 * whole call (the sync step does, since it records what the store holds only on success).
 */
public final class PineconeVectorStore implements VectorStore {

  private static final Logger LOG = LoggerFactory.getLogger(PineconeVectorStore.class);
  /** Pinecone's topK ceiling when metadata is returned. */
  static final int MAX_TOP_K = 1000;
  static final int MAX_IDS_PER_DELETE = 1000;
  /** How the default namespace "" is listed in index stats by newer API versions. */
  static final String DEFAULT_NAMESPACE_LABEL = "__default__";

  private final PineconeSettings settings;
  private final DataPlaneConnection connection;
  private final UpsertBatcher batcher;
  private final UpsertRateLimiter limiter;
  private final RetryingCaller caller;
  private final AtomicLong upsertRequests = new AtomicLong();
  private final AtomicLong upsertedVectors = new AtomicLong();
  private final AtomicLong upsertedBytes = new AtomicLong();
  private final AtomicLong throttledNanos = new AtomicLong();

  public PineconeVectorStore(PineconeSettings settings) {
    this(settings, connection -> UpsertRateLimiter.shared(
        connection.host() + "/" + settings.namespace(), settings.perWriterBytesPerSecond()));
  }

  /** @param limiterFor this JVM's budget for the target (tests give one on a fake clock) */
  PineconeVectorStore(PineconeSettings settings,
      Function<DataPlaneConnection, UpsertRateLimiter> limiterFor) {
    this.settings = settings;
    this.connection = new DataPlaneConnection(settings);
    this.batcher = new UpsertBatcher(settings.namespace(), settings.batchMaxVectors(),
        settings.batchMaxBytes());
    this.limiter = limiterFor.apply(connection);
    this.caller = new RetryingCaller(settings);
    LOG.info("pinecone store on {} namespace '{}': batches <= {} vectors / {} bytes, "
        + "{} bytes/s for this JVM", connection.host(), settings.namespace(),
        settings.batchMaxVectors(), settings.batchMaxBytes(),
        (long) settings.perWriterBytesPerSecond());
  }

  /** Opens the store from the project configuration and the environment (for the API key). */
  public static PineconeVectorStore open(Settings settings, Map<String, String> env) {
    return new PineconeVectorStore(PineconeSettings.fromSettings(settings, env));
  }

  @Override
  public String name() {
    return "pinecone";
  }

  @Override
  public void upsert(List<VectorRecord> records) {
    if (records == null || records.isEmpty()) {
      return;
    }
    int[] batch = {0};
    batcher.forEachBatch(records, request -> send(request, ++batch[0], records.size()));
  }

  private void send(UpsertRequest request, int batchNo, int totalRecords) {
    int bytes = request.getSerializedSize();
    int vectors = request.getVectorsCount();
    String detail = "batch " + batchNo + " of a " + totalRecords + "-record upsert, " + vectors
        + " vectors, " + bytes + " bytes";
    UpsertResponse response = caller.call("upsert", detail, () -> {
      throttle(bytes);
      return connection.stub().upsert(request);
    });
    if (response.getUpsertedCount() != vectors) {
      throw new PineconeStoreException("pinecone upsert (" + detail + ") reported "
          + response.getUpsertedCount() + " vectors written", "upsert",
          "UPSERTED_COUNT_MISMATCH", 1, false, null);
    }
    upsertRequests.incrementAndGet();
    upsertedVectors.addAndGet(vectors);
    upsertedBytes.addAndGet(bytes);
  }

  @Override
  public void delete(Collection<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return;
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    int batches = (distinct.size() + MAX_IDS_PER_DELETE - 1) / MAX_IDS_PER_DELETE;
    for (int b = 0; b < batches; b++) {
      List<String> part = distinct.subList(b * MAX_IDS_PER_DELETE,
          Math.min(distinct.size(), (b + 1) * MAX_IDS_PER_DELETE));
      DeleteRequest request = DeleteRequest.newBuilder().addAllIds(part)
          .setNamespace(settings.namespace()).build();
      call("delete", "batch " + (b + 1) + "/" + batches + ", " + part.size() + " ids",
          () -> connection.stub().delete(request));
    }
  }

  @Override
  public List<ScoredMatch> query(float[] vector, int topK, SearchFilter filter) {
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException("query vector is empty");
    }
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new IllegalArgumentException("topK must be in [1, " + MAX_TOP_K + "], got " + topK);
    }
    QueryRequest.Builder b = QueryRequest.newBuilder().setNamespace(settings.namespace())
        .setTopK(topK).setIncludeMetadata(true).setIncludeValues(false);
    for (float f : vector) {
      b.addVector(f);
    }
    Struct pineconeFilter = MetadataFilters.toStruct(filter);
    if (pineconeFilter != null) {
      b.setFilter(pineconeFilter);
    }
    QueryRequest request = b.build();
    QueryResponse response = call("query", "topK " + topK + ", " + vector.length + " dims",
        () -> connection.stub().query(request));
    List<ScoredMatch> out = new ArrayList<>(response.getMatchesCount());
    for (ScoredVector m : response.getMatchesList()) {
      out.add(new ScoredMatch(m.getId(), m.getScore(), MetadataCodec.decode(m.getMetadata())));
    }
    return out;
  }

  @Override
  public long count() {
    DescribeIndexStatsResponse stats = call("describeIndexStats", "namespace count",
        () -> connection.stub().describeIndexStats(DescribeIndexStatsRequest.getDefaultInstance()));
    Map<String, NamespaceSummary> namespaces = stats.getNamespacesMap();
    NamespaceSummary mine = namespaces.get(settings.namespace());
    if (mine == null && settings.namespace().isEmpty()) {
      mine = namespaces.get(DEFAULT_NAMESPACE_LABEL);
    }
    return mine == null ? 0 : mine.getVectorCount();
  }

  /** What this instance has written so far (for the run summary). */
  public UpsertStats stats() {
    return new UpsertStats(upsertRequests.get(), upsertedVectors.get(), upsertedBytes.get(),
        throttledNanos.get() / 1_000_000);
  }

  @Override
  public void close() {
    connection.close();
  }

  private void throttle(long bytes) {
    try {
      throttledNanos.addAndGet(limiter.acquire(bytes));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PineconeStoreException("pinecone upsert interrupted while throttled", "upsert",
          "CANCELLED", 0, false, e);
    }
  }

  private <T> T call(String operation, String detail, Supplier<T> attempt) {
    return caller.call(operation, detail, attempt);
  }
}
