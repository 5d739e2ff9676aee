package org.patientinsight.serving.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.patientinsight.serving.ServeProcess;

/**
 * The acceptance check for replicas: one analysis, 160 follow-up questions sent concurrently
 * (16 clients, 10 each, alternating between the two processes); all 160 must be kept, none
 * twice, and each client's questions in the order it sent them, as both processes read it.
 */
final class TwoReplicasQuestions {
  static final int CLIENTS = 16;
  static final int PER_CLIENT = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private TwoReplicasQuestions() {}

  static void check(ServeProcess a, ServeProcess b, String key) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> created = send(http, a, "POST", "/api/v1/analyses",
        "{\"symptoms\":\"crushing chest pain radiating to the left arm\",\"age\":60}", key);
    assertEquals(201, created.statusCode(), created.body());
    String id = JSON.readTree(created.body()).path("id").asText();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<List<Integer>>> results = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      results.add(pool.submit(() -> {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_CLIENT; i++) {
          ServeProcess target = (client + i) % 2 == 0 ? a : b;
          statuses.add(send(http, target, "POST", "/api/v1/analyses/" + id + "/questions",
              "{\"question\":\"client " + client + " question " + i + "?\"}", key).statusCode());
        }
        return statuses;
      }));
    }
    for (Future<List<Integer>> f : results) {
      assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200), f.get());
    }
    pool.shutdown();
    for (ServeProcess reader : List.of(a, b)) {
      HttpResponse<String> r = send(http, reader, "GET", "/api/v1/analyses/" + id, null, key);
      assertEquals(200, r.statusCode());
      List<String> questions = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (JsonNode q : JSON.readTree(r.body()).path("questions")) {
        questions.add(q.path("question").asText());
        ids.add(q.path("id").asText());
      }
      assertEquals(CLIENTS * PER_CLIENT, questions.size(), "every question kept");
      assertEquals(questions.size(), new HashSet<>(questions).size(), "none kept twice");
      assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicate ids");
      for (int c = 0; c < CLIENTS; c++) {
        String prefix = "client " + c + " question ";
        List<Integer> order = questions.stream().filter(q -> q.startsWith(prefix))
            .map(q -> Integer.parseInt(q.substring(prefix.length(), q.length() - 1))).toList();
        assertEquals(IntStream.range(0, PER_CLIENT).boxed().toList(), order,
            "client " + c + "'s questions in the order sent");
      }
    }
  }

  static HttpResponse<String> send(HttpClient http, ServeProcess p, String method, String path,
      String body, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(p.uri(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
