package org.patientinsight.pinecone;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.DeleteResponse;
import io.pinecone.proto.DescribeIndexStatsRequest;
import io.pinecone.proto.DescribeIndexStatsResponse;
import io.pinecone.proto.FetchRequest;
import io.pinecone.proto.FetchResponse;
import io.pinecone.proto.NamespaceSummary;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.QueryResponse;
import io.pinecone.proto.ScoredVector;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.UpsertResponse;
import io.pinecone.proto.Vector;
import io.pinecone.proto.VectorServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Pinecone data plane for tests: the client's own generated gRPC service, served on
 * 127.0.0.1 by grpc-netty, holding vectors per namespace in memory. Enforces Pinecone's limits
 * (1000 vectors and 2 MB per upsert, 40 KB metadata per vector, one dimension per index, the
 * api-key header), answers queries by brute-force cosine with metadata filters, and can be
 * told to fail or stall the next calls.
 */
final class FakePineconeServer extends VectorServiceGrpc.VectorServiceImplBase
    implements AutoCloseable {

  static final int MAX_UPSERT_VECTORS = 1000;
  static final int MAX_REQUEST_BYTES = 2_000_000;
  static final int MAX_METADATA_BYTES = 40 * 1024;
  static final Metadata.Key<String> API_KEY =
      Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

  private final int dimension;
  private final String apiKey;
  private final Server server;
  private final Map<String, Map<String, Vector>> namespaces = new ConcurrentHashMap<>();
  private final Deque<Status> failures = new ArrayDeque<>();
  private final Deque<Long> stalls = new ArrayDeque<>();
  /** Every upsert request that reached the service (accepted or not): its size and count. */
  final List<int[]> upsertSizes = new CopyOnWriteArrayList<>();
  final AtomicInteger upsertCalls = new AtomicInteger();
  final AtomicInteger deleteCalls = new AtomicInteger();
  final AtomicInteger queryCalls = new AtomicInteger();
  /** Every stalled call: the deadline it arrived with and whether the client cancelled it. */
  final List<Stall> stalled = new CopyOnWriteArrayList<>();

  /** One stalled call, recorded on arrival. */
  static final class Stall {
    private final Long deadlineMillis;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    Stall(Long deadlineMillis) {
      this.deadlineMillis = deadlineMillis;
    }

    /** The time the call had left on arrival; null when it had no deadline. */
    Long deadlineMillis() {
      return deadlineMillis;
    }

    /** Whether the client cancelled the call (waits a little for the cancel to arrive). */
    boolean cancelledByClient() throws InterruptedException {
      return cancelled.await(10, TimeUnit.SECONDS);
    }
  }

  FakePineconeServer(int dimension, String apiKey) throws IOException {
    this.dimension = dimension;
    this.apiKey = apiKey;
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .maxInboundMessageSize(16 * 1024 * 1024) // our own 2 MB check answers, like Pinecone
        .addService(ServerInterceptors.intercept(this, new ApiKeyCheck()))
        .build()
        .start();
  }

  String host() {
    return "127.0.0.1:" + server.getPort();
  }

  /** The next calls (any method) fail with these statuses, one per call. */
  synchronized void failNext(Status... statuses) {
    failures.addAll(List.of(statuses));
  }

  /**
   * The next calls hold their answer until the client gives up on them (its deadline cancels
   * the call), or at most this long; {@link #stalls} tells what happened.
   */
  synchronized void stallNext(int calls, long millis) {
    for (int i = 0; i < calls; i++) {
      stalls.add(millis);
    }
  }

  Map<String, Vector> namespace(String ns) {
    return namespaces.computeIfAbsent(ns, k -> new ConcurrentHashMap<>());
  }

  @Override
  public void upsert(UpsertRequest request, StreamObserver<UpsertResponse> out) {
    upsertCalls.incrementAndGet();
    upsertSizes.add(new int[] {request.getSerializedSize(), request.getVectorsCount()});
    if (injected(out)) {
      return;
    }
    if (request.getSerializedSize() > MAX_REQUEST_BYTES) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("Your request is larger than the "
          + "maximum supported size - 2MB. Please try to reduce your batch size.")
          .asRuntimeException());
      return;
    }
    if (request.getVectorsCount() > MAX_UPSERT_VECTORS) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("Upsert request contains "
          + request.getVectorsCount() + " vectors; the maximum is 1000").asRuntimeException());
      return;
    }
    for (Vector v : request.getVectorsList()) {
      if (v.getValuesCount() != dimension) {
        out.onError(Status.INVALID_ARGUMENT.withDescription("Vector dimension "
            + v.getValuesCount() + " does not match the dimension of the index " + dimension)
            .asRuntimeException());
        return;
      }
      int meta = v.getMetadata().getSerializedSize();
      if (meta > MAX_METADATA_BYTES) {
        out.onError(Status.INVALID_ARGUMENT.withDescription("Metadata size is " + meta
            + " bytes, which exceeds the limit of " + MAX_METADATA_BYTES + " bytes per vector")
            .asRuntimeException());
        return;
      }
    }
    Map<String, Vector> ns = namespace(request.getNamespace());
    request.getVectorsList().forEach(v -> ns.put(v.getId(), v));
    out.onNext(UpsertResponse.newBuilder().setUpsertedCount(request.getVectorsCount()).build());
    out.onCompleted();
  }

  @Override
  public void query(QueryRequest request, StreamObserver<QueryResponse> out) {
    queryCalls.incrementAndGet();
    if (injected(out)) {
      return;
    }
    if (request.getVectorCount() != dimension) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("Query vector dimension "
          + request.getVectorCount() + " does not match " + dimension).asRuntimeException());
      return;
    }
    float[] q = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      q[i] = request.getVector(i);
    }
    List<ScoredVector> scored = new ArrayList<>();
    try {
      for (Vector v : namespace(request.getNamespace()).values()) {
        if (!request.hasFilter() || matches(v.getMetadata(), request.getFilter())) {
          ScoredVector.Builder s = ScoredVector.newBuilder().setId(v.getId())
              .setScore((float) cosine(q, v));
          if (request.getIncludeMetadata()) {
            s.setMetadata(v.getMetadata());
          }
          if (request.getIncludeValues()) {
            s.addAllValues(v.getValuesList());
          }
          scored.add(s.build());
        }
      }
    } catch (IllegalArgumentException badFilter) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(badFilter.getMessage())
          .asRuntimeException());
      return;
    }
    scored.sort(Comparator.comparingDouble(ScoredVector::getScore).reversed());
    out.onNext(QueryResponse.newBuilder().setNamespace(request.getNamespace())
        .addAllMatches(scored.subList(0, Math.min(request.getTopK(), scored.size()))).build());
    out.onCompleted();
  }

  @Override
  public void fetch(FetchRequest request, StreamObserver<FetchResponse> out) {
    if (injected(out)) {
      return;
    }
    FetchResponse.Builder b = FetchResponse.newBuilder().setNamespace(request.getNamespace());
    Map<String, Vector> ns = namespace(request.getNamespace());
    for (String id : request.getIdsList()) {
      Vector v = ns.get(id);
      if (v != null) {
        b.putVectors(id, v);
      }
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void delete(DeleteRequest request, StreamObserver<DeleteResponse> out) {
    deleteCalls.incrementAndGet();
    if (injected(out)) {
      return;
    }
    if (request.getIdsCount() > 1000) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("at most 1000 ids per delete")
          .asRuntimeException());
      return;
    }
    Map<String, Vector> ns = namespace(request.getNamespace());
    if (request.getDeleteAll()) {
      ns.clear();
    } else {
      request.getIdsList().forEach(ns::remove);
    }
    out.onNext(DeleteResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void describeIndexStats(DescribeIndexStatsRequest request,
      StreamObserver<DescribeIndexStatsResponse> out) {
    if (injected(out)) {
      return;
    }
    DescribeIndexStatsResponse.Builder b = DescribeIndexStatsResponse.newBuilder()
        .setDimension(dimension).setMetric("cosine");
    int total = 0;
    for (Map.Entry<String, Map<String, Vector>> e : namespaces.entrySet()) {
      if (!e.getValue().isEmpty()) {
        b.putNamespaces(e.getKey(),
            NamespaceSummary.newBuilder().setVectorCount(e.getValue().size()).build());
        total += e.getValue().size();
      }
    }
    out.onNext(b.setTotalVectorCount(total).build());
    out.onCompleted();
  }

  /** Applies an injected failure or stall; true when the call has been answered with one. */
  private boolean injected(StreamObserver<?> out) {
    Status failure;
    Long stall;
    synchronized (this) {
      failure = failures.poll();
      stall = failure == null ? stalls.poll() : null;
    }
    if (failure != null) {
      out.onError(failure.asRuntimeException());
      return true;
    }
    if (stall != null) {
      Context call = Context.current();
      Deadline deadline = call.getDeadline();
      Stall record = new Stall(deadline == null ? null : deadline.timeRemaining(TimeUnit.MILLISECONDS));
      stalled.add(record);
      call.addListener(c -> record.cancelled.countDown(), Runnable::run);
      try {
        record.cancelled.await(stall, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return false;
  }

  private static double cosine(float[] q, Vector v) {
    double dot = 0;
    double nq = 0;
    double nv = 0;
    for (int i = 0; i < q.length; i++) {
      double x = v.getValues(i);
      dot += q[i] * x;
      nq += q[i] * q[i];
      nv += x * x;
    }
    return nq == 0 || nv == 0 ? 0 : dot / Math.sqrt(nq * nv);
  }

  /** Pinecone's filter language, the part this project uses plus $and/$or/$in/$ne. */
  static boolean matches(Struct metadata, Struct filter) {
    for (Map.Entry<String, Value> clause : filter.getFieldsMap().entrySet()) {
      String key = clause.getKey();
      Value cond = clause.getValue();
      boolean ok;
      if (key.equals("$and") || key.equals("$or")) {
        boolean and = key.equals("$and");
        ok = and;
        for (Value sub : cond.getListValue().getValuesList()) {
          boolean m = matches(metadata, sub.getStructValue());
          ok = and ? ok && m : ok || m;
        }
      } else if (key.startsWith("$")) {
        throw new IllegalArgumentException("unknown top-level operator " + key);
      } else {
        Value actual = metadata.getFieldsMap().get(key);
        ok = cond.hasStructValue() ? fieldMatches(actual, cond.getStructValue())
            : actual != null && actual.equals(cond);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean fieldMatches(Value actual, Struct ops) {
    for (Map.Entry<String, Value> op : ops.getFieldsMap().entrySet()) {
      Value want = op.getValue();
      boolean ok = switch (op.getKey()) {
        case "$eq" -> actual != null && actual.equals(want);
        case "$ne" -> actual == null || !actual.equals(want);
        case "$gt" -> number(actual) != null && number(actual) > want.getNumberValue();
        case "$gte" -> number(actual) != null && number(actual) >= want.getNumberValue();
        case "$lt" -> number(actual) != null && number(actual) < want.getNumberValue();
        case "$lte" -> number(actual) != null && number(actual) <= want.getNumberValue();
        case "$in" -> actual != null && want.getListValue().getValuesList().contains(actual);
        case "$nin" -> actual == null || !want.getListValue().getValuesList().contains(actual);
        default -> throw new IllegalArgumentException("unknown operator " + op.getKey());
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Double number(Value v) {
    return v != null && v.hasNumberValue() ? v.getNumberValue() : null;
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Refuses calls without the expected api-key header, as Pinecone does. */
  private final class ApiKeyCheck implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      if (!apiKey.equals(headers.get(API_KEY))) {
        call.close(Status.UNAUTHENTICATED.withDescription("Invalid API key"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
