package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With only pinecone.index set, the store asks the control plane (the client's own REST API,
 * here a loopback HTTP server answering GET /indexes/{name}) for the data-plane host once.
 */
class IndexNameResolutionTest {

  private static final String KEY = "cp-key";
  private FakePineconeServer dataPlane;
  private HttpServer controlPlane;
  private final AtomicReference<String> seenKey = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    dataPlane = new FakePineconeServer(TestRecords.DIM, KEY);
    controlPlane = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    controlPlane.createContext("/indexes/", exchange -> {
      seenKey.set(exchange.getRequestHeaders().getFirst("Api-Key"));
      String name = exchange.getRequestURI().getPath().substring("/indexes/".length());
      byte[] body;
      int status;
      if (name.equals("cases")) {
        status = 200;
        body = ("{\"name\":\"cases\",\"metric\":\"cosine\",\"dimension\":384,"
            + "\"host\":\"" + dataPlane.host() + "\",\"deletion_protection\":\"disabled\","
            + "\"vector_type\":\"dense\",\"status\":{\"ready\":true,\"state\":\"Ready\"},"
            + "\"spec\":{\"serverless\":{\"cloud\":\"aws\",\"region\":\"us-east-1\","
            + "\"read_capacity\":{\"mode\":\"OnDemand\",\"status\":{\"state\":\"Ready\"}}}}}")
            .getBytes(StandardCharsets.UTF_8);
      } else {
        status = 404;
        body = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Resource not found\"},\"status\":404}"
            .getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    controlPlane.start();
  }

  @AfterEach
  void stop() throws Exception {
    controlPlane.stop(0);
    dataPlane.close();
  }

  private PineconeSettings byName(String index) {
    return new PineconeSettings(KEY, null, index,
        "http://127.0.0.1:" + controlPlane.getAddress().getPort(), "cases", false, 100,
        1_800_000, 50.0, 1, 5_000, 3, 1, 5);
  }

  @Test
  void indexNameIsResolvedToItsDataPlaneHost() {
    try (PineconeVectorStore store = new PineconeVectorStore(byName("cases"))) {
      store.upsert(List.of(TestRecords.record(1, 40, "F", "n")));
      assertEquals(1, store.count());
    }
    assertEquals(KEY, seenKey.get());
    assertEquals(1, dataPlane.namespace("cases").size());
  }

  @Test
  void unknownIndexNamesTheSetting() {
    PineconeStoreException e = assertThrows(PineconeStoreException.class,
        () -> new PineconeVectorStore(byName("nope")));
    assertTrue(e.getMessage().contains("pinecone.index"), e.getMessage());
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }
}
