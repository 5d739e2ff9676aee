package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.TestServer;
import org.patientinsight.serving.generate.ExtractiveGenerator;

/** Malformed bodies, slow bodies and a saturated API, through the real server. */
class HostileClientsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void malformedBodiesAre400sNamingTheFieldNever500s() throws Exception {
    String deepArrays = "[".repeat(5000) + "]".repeat(5000);
    String deepObjects = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
    String longNumber = "9".repeat(1500);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(deepArrays, "body");
    cases.put("{\"symptoms\":\"chest pain\",\"filters\":" + deepArrays + "}", "filters");
    cases.put(deepObjects, "a.a");
    cases.put("{\"symptoms\":" + deepObjects + "}", "symptoms.a");
    cases.put("{\"symptoms\":\"chest pain\",\"age\":" + longNumber + "}", "age");
    cases.put("{\"symptoms\":\"chest pain\",\"topK\":18446744073709551617}", "topK");
    cases.put("{\"symptoms\":\"chest pain\",\"filters\":{\"ageMax\":1e999}}", "filters.ageMax");
    try (TestServer s = new TestServer(Files.createTempDirectory("hostile"))) {
      for (Map.Entry<String, String> c : cases.entrySet()) {
        for (String route : List.of("/api/v1/search", "/api/v1/analyses")) {
          HttpResponse<String> r = s.post(route, c.getKey(), TestServer.KEY);
          String shown = c.getKey().substring(0, Math.min(40, c.getKey().length()));
          assertEquals(400, r.statusCode(), route + " " + shown + ": " + r.body());
          assertEquals(c.getValue(), JSON.readTree(r.body()).path("error").path("field").asText(), shown);
        }
      }
      HttpResponse<String> q = s.post("/api/v1/analyses/00000000-0000-0000-0000-000000000000/questions",
          "{\"question\":" + deepArrays + "}", TestServer.KEY);
      assertEquals(400, q.statusCode());
      assertEquals("question", JSON.readTree(q.body()).path("error").path("field").asText());
    }
  }

  /**
   * 40 clients send headers and a first byte of a 1,000-byte body, then stall. While they are
   * held open, /health/live keeps answering and normal API requests get 200 or 503 (never hang);
   * the stalled ones are answered 408 (or closed) once the idle timeout passes.
   */
  @Test
  void slowBodiesDoNotStarveHealthProbesOrHangOtherRequests() throws Exception {
    Map<String, String> limits = Map.of("serving.threads", "24", "serving.max_in_flight", "4",
        "serving.max_queued", "8", "serving.queue_wait_ms", "200",
        "serving.idle_timeout_ms", "3000", "serving.body_read_timeout_ms", "3000");
    try (TestServer s = new TestServer(Files.createTempDirectory("slow"), new ExtractiveGenerator(), limits)) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      // one probe first, so connection set-up and JIT warm-up are not counted below
      http.send(HttpRequest.newBuilder(s.uri("/health/live")).build(), HttpResponse.BodyHandlers.discarding());
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Socket sock = new Socket("127.0.0.1", s.server.port());
        sock.setSoTimeout(20_000);
        OutputStream out = sock.getOutputStream();
        out.write(("POST /api/v1/analyses HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer " + TestServer.KEY + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(sock);
      }
      ExecutorService normal = Executors.newFixedThreadPool(4);
      List<Future<Integer>> normalStatuses = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        normalStatuses.add(normal.submit(() -> http.send(HttpRequest.newBuilder(s.uri("/api/v1/search"))
            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TestServer.KEY)
            .POST(HttpRequest.BodyPublishers.ofString("{\"symptoms\":\"chest pain\"}")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode()));
      }
      List<Long> liveMicros = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(s.uri("/health/live"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        liveMicros.add((System.nanoTime() - t0) / 1000);
        assertEquals(200, live.statusCode(), "liveness answers while 40 slow bodies are held");
      }
      assertTrue(slow.stream().noneMatch(Socket::isClosed));
      for (Future<Integer> f : normalStatuses) {
        int status = f.get(15, TimeUnit.SECONDS);
        assertTrue(status == 200 || status == 503, "normal request: " + status);
      }
      normal.shutdown();
      System.out.println("health/live under 40 slow bodies, microseconds in order: " + liveMicros);
      liveMicros.sort(null);
      System.out.println("health/live under 40 slow bodies: median " + liveMicros.get(15) / 1000.0
          + " ms, max " + liveMicros.get(29) / 1000.0 + " ms (30 sequential probes)");
      // every stalled client gets an answer (408 or 503) or a close; none is left hanging
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (Socket sock : slow) {
        answers.add(CompletableFuture.supplyAsync(() -> statusLine(sock)));
      }
      for (CompletableFuture<String> a : answers) {
        String line = a.get(30, TimeUnit.SECONDS);
        assertTrue(line.isEmpty() || line.contains(" 408 ") || line.contains(" 503 "), line);
      }
      for (Socket sock : slow) {
        sock.close();
      }
    }
  }

  private static String statusLine(Socket sock) {
    try {
      InputStream in = sock.getInputStream();
      StringBuilder sb = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        sb.append((char) c);
      }
      return sb.toString();
    } catch (java.io.IOException e) {
      return ""; // closed by the server
    }
  }
}
