package org.patientinsight.core.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of an MLflow tracking server on 127.0.0.1: answers the REST calls run tracking
 * makes the way MLflow 2.x does (404 RESOURCE_DOES_NOT_EXIST, string int64s, log-batch limit
 * checks, artifact proxy PUTs), plus S3 path-style PutObject, and records every request.
 */
final class FakeMlflowServer implements AutoCloseable {
  record Recorded(String method, String path, String rawQuery, Map<String, String> headers,
      byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> experimentsByName = new LinkedHashMap<>();
  private final Map<String, byte[]> stored = new LinkedHashMap<>();
  private final AtomicInteger nextExperiment = new AtomicInteger(1);
  private final AtomicInteger nextRun = new AtomicInteger(1);
  private volatile String artifactRoot = "mlflow-artifacts:";
  private volatile int failStatus;
  private final java.util.Deque<Integer> failNext = new java.util.concurrent.ConcurrentLinkedDeque<>();

  FakeMlflowServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Runs get artifact URIs under this root, e.g. "s3://bucket/prefix" (default proxy). */
  void artifactRoot(String root) {
    this.artifactRoot = root;
  }

  /** Every request from now on fails with this status (0 = behave). */
  void failAll(int status) {
    this.failStatus = status;
  }

  /** The next requests fail with these statuses, one each; then the server behaves. */
  void failNext(int... statuses) {
    for (int status : statuses) {
      failNext.add(status);
    }
  }

  void addExperiment(String name, String id) {
    synchronized (experimentsByName) {
      experimentsByName.put(name, id);
    }
  }

  List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  List<Recorded> requests(String method, String pathSuffix) {
    return requests.stream().filter(r -> r.method().equals(method)
        && r.path().endsWith(pathSuffix)).toList();
  }

  byte[] stored(String path) {
    synchronized (stored) {
      return stored.get(path);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    String path = ex.getRequestURI().getRawPath();
    requests.add(new Recorded(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
        headers, body));
    try {
      Integer once = failNext.poll();
      if (once != null || failStatus != 0) {
        send(ex, once != null ? once : failStatus, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"store is down\"}");
        return;
      }
      route(ex, path, body);
    } catch (RuntimeException e) {
      send(ex, 500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"" + e + "\"}");
    }
  }

  private void route(HttpExchange ex, String path, byte[] body) throws IOException {
    String api = "/api/2.0/mlflow/";
    String method = ex.getRequestMethod();
    if (method.equals("GET") && path.equals(api + "experiments/get-by-name")) {
      String name = query(ex.getRequestURI().getRawQuery()).get("experiment_name");
      String id;
      synchronized (experimentsByName) {
        id = experimentsByName.get(name);
      }
      if (id == null) {
        send(ex, 404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":"
            + "\"Could not find experiment with name '" + name + "'\"}");
      } else {
        send(ex, 200, "{\"experiment\":{\"experiment_id\":\"" + id + "\",\"name\":\"" + name
            + "\",\"artifact_location\":\"mlflow-artifacts:/" + id + "\","
            + "\"lifecycle_stage\":\"active\",\"last_update_time\":\"1\","
            + "\"creation_time\":\"1\"}}");
      }
    } else if (method.equals("POST") && path.equals(api + "experiments/create")) {
      String name = JSON.readTree(body).path("name").asText();
      String id = Integer.toString(nextExperiment.getAndIncrement());
      addExperiment(name, id);
      send(ex, 200, "{\"experiment_id\":\"" + id + "\"}");
    } else if (method.equals("POST") && path.equals(api + "runs/create")) {
      JsonNode req = JSON.readTree(body);
      String exp = req.path("experiment_id").asText();
      String runId = String.format("%032x", nextRun.getAndIncrement());
      ObjectNode info = JSON.createObjectNode();
      info.put("run_id", runId).put("run_uuid", runId).put("experiment_id", exp)
          .put("run_name", req.path("run_name").asText()).put("status", "RUNNING")
          .put("start_time", req.path("start_time").asText())
          .put("artifact_uri", artifactRoot + "/" + exp + "/" + runId + "/artifacts")
          .put("lifecycle_stage", "active").put("user_id", req.path("user_id").asText());
      ObjectNode run = JSON.createObjectNode();
      run.putObject("run").set("info", info);
      ((ObjectNode) run.get("run")).putObject("data");
      send(ex, 200, JSON.writeValueAsString(run));
    } else if (method.equals("POST") && path.equals(api + "runs/log-batch")) {
      JsonNode req = JSON.readTree(body);
      int m = req.path("metrics").size();
      int p = req.path("params").size();
      int t = req.path("tags").size();
      if (m > 1000 || p > 100 || t > 100 || m + p + t > 1000 || body.length > 1_000_000) {
        send(ex, 400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"A batch "
            + "logging request can contain at most 1000 metrics, 100 params, 100 tags\"}");
      } else {
        send(ex, 200, "{}");
      }
    } else if (method.equals("POST") && path.equals(api + "runs/update")) {
      JsonNode req = JSON.readTree(body);
      send(ex, 200, "{\"run_info\":{\"run_id\":\"" + req.path("run_id").asText()
          + "\",\"status\":\"" + req.path("status").asText() + "\"}}");
    } else if (method.equals("PUT")) {
      // artifact proxy PUT or S3 path-style PutObject: keep the bytes
      synchronized (stored) {
        stored.put(path, body);
      }
      try {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        ex.getResponseHeaders().add("ETag", "\"" + md5 + "\"");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      send(ex, 200, path.startsWith("/api/") ? "{}" : "");
    } else {
      send(ex, 404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"no " + path + "\"}");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!body.isEmpty()) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
