package org.patientinsight.pinecone;

import com.google.protobuf.CodedOutputStream;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.patientinsight.core.vector.VectorRecord;

/**
 * Cuts records into upsert requests bounded by vector count and by serialized size, measured
 * on the protobuf messages that go on the wire (not estimated), so no request exceeds
 * Pinecone's 2 MB limit however large each record's metadata is.
 */
final class UpsertBatcher {

  /** Pinecone's limit on id length. */
  static final int MAX_ID_CHARS = 512;

  private final String namespace;
  private final int maxVectors;
  private final int maxBytes;

  UpsertBatcher(String namespace, int maxVectors, int maxBytes) {
    this.namespace = namespace;
    this.maxVectors = maxVectors;
    this.maxBytes = maxBytes;
  }

  /** All batches at once (tests and small inputs). */
  List<UpsertRequest> batches(List<VectorRecord> records) {
    List<UpsertRequest> out = new ArrayList<>();
    forEachBatch(records, out::add);
    return out;
  }

  /**
   * Checks every record first (cheap: ids, values, metadata types), so bad input fails before
   * anything is sent; then encodes and hands over one request at a time, so a large input
   * never sits in memory twice.
   */
  void forEachBatch(List<VectorRecord> records, Consumer<UpsertRequest> sink) {
    records.forEach(UpsertBatcher::validate);
    int base = namespace.isEmpty() ? 0
        : CodedOutputStream.computeStringSize(UpsertRequest.NAMESPACE_FIELD_NUMBER, namespace);
    List<Vector> current = new ArrayList<>();
    int currentBytes = base;
    for (VectorRecord record : records) {
      Vector v = toVector(record);
      int bytes = CodedOutputStream.computeMessageSize(UpsertRequest.VECTORS_FIELD_NUMBER, v);
      if (base + bytes > maxBytes) {
        throw new IllegalArgumentException("record " + record.id() + " alone is " + bytes
            + " bytes, over the " + maxBytes + "-byte request limit");
      }
      if (!current.isEmpty() && (current.size() >= maxVectors || currentBytes + bytes > maxBytes)) {
        sink.accept(request(current));
        current = new ArrayList<>();
        currentBytes = base;
      }
      current.add(v);
      currentBytes += bytes;
    }
    if (!current.isEmpty()) {
      sink.accept(request(current));
    }
  }

  private UpsertRequest request(List<Vector> vectors) {
    UpsertRequest request = UpsertRequest.newBuilder()
        .addAllVectors(vectors).setNamespace(namespace).build();
    if (request.getSerializedSize() > maxBytes) { // the arithmetic above is exact; guard anyway
      throw new IllegalStateException("upsert request of " + request.getSerializedSize()
          + " bytes exceeds " + maxBytes);
    }
    return request;
  }

  static void validate(VectorRecord record) {
    if (record.id().length() > MAX_ID_CHARS) {
      throw new IllegalArgumentException("record id of " + record.id().length()
          + " characters is longer than Pinecone's " + MAX_ID_CHARS);
    }
    for (float f : record.values()) {
      if (Float.isNaN(f) || Float.isInfinite(f)) {
        throw new IllegalArgumentException("vector of record " + record.id()
            + " has a value that is not finite");
      }
    }
    MetadataCodec.checkTypes(record.id(), record.metadata());
  }

  static Vector toVector(VectorRecord record) {
    Vector.Builder b = Vector.newBuilder().setId(record.id());
    for (float f : record.values()) {
      b.addValues(f);
    }
    if (!record.metadata().isEmpty()) {
      b.setMetadata(MetadataCodec.encode(record.id(), record.metadata()));
    }
    return b.build();
  }
}
