package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.Vector;
import io.pinecone.proto.VectorServiceGrpc;
import org.junit.jupiter.api.Test;

/**
 * The loopback server refuses what Pinecone refuses, so the store tests prove something: sent
 * unbatched through the bare client, these requests fail.
 */
class FakePineconeServerTest {

  private static Vector vector(int i, String snippet) {
    Vector.Builder b = Vector.newBuilder().setId("v" + i);
    for (float f : TestRecords.unitVector(i)) {
      b.addValues(f);
    }
    return b.setMetadata(Struct.newBuilder().putFields("snippet",
        Value.newBuilder().setStringValue(snippet).build())).build();
  }

  private static Status.Code upsertStatus(FakePineconeServer server, UpsertRequest request) {
    PineconeConfig config = new PineconeConfig("k");
    config.setHost(server.host());
    config.setTLSEnabled(false);
    try (PineconeConnection connection = new PineconeConnection(config)) {
      VectorServiceGrpc.VectorServiceBlockingStub stub = connection.getBlockingStub();
      stub.upsert(request);
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  @Test
  void refusesWhatPineconeRefuses() throws Exception {
    try (FakePineconeServer server = new FakePineconeServer(TestRecords.DIM, "k")) {
      UpsertRequest.Builder tooMany = UpsertRequest.newBuilder();
      for (int i = 0; i < 1001; i++) {
        tooMany.addVectors(vector(i, "x"));
      }
      assertEquals(Status.Code.INVALID_ARGUMENT, upsertStatus(server, tooMany.build()));

      UpsertRequest.Builder tooBig = UpsertRequest.newBuilder();
      for (int i = 0; i < 60; i++) {
        tooBig.addVectors(vector(i, TestRecords.text(39_000, i)));
      }
      assertTrue(tooBig.build().getSerializedSize() > 2_000_000);
      assertEquals(Status.Code.INVALID_ARGUMENT, upsertStatus(server, tooBig.build()));

      UpsertRequest fatMetadata = UpsertRequest.newBuilder()
          .addVectors(vector(1, TestRecords.text(41_000, 1))).build();
      assertEquals(Status.Code.INVALID_ARGUMENT, upsertStatus(server, fatMetadata));

      UpsertRequest fine = UpsertRequest.newBuilder().addVectors(vector(1, "ok")).build();
      assertEquals(Status.Code.OK, upsertStatus(server, fine));
      assertEquals(1, server.namespace("").size());
    }
  }

  @Test
  void refusesAWrongApiKey() throws Exception {
    try (FakePineconeServer server = new FakePineconeServer(TestRecords.DIM, "right")) {
      PineconeConfig config = new PineconeConfig("wrong");
      config.setHost(server.host());
      config.setTLSEnabled(false);
      try (PineconeConnection connection = new PineconeConnection(config)) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
            () -> connection.getBlockingStub().describeIndexStats(
                io.pinecone.proto.DescribeIndexStatsRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
      }
    }
  }
}
