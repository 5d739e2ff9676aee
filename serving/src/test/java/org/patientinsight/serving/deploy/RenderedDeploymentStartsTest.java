package org.patientinsight.serving.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.ServeMain;
import org.patientinsight.serving.ServeProcess;
import org.patientinsight.serving.TestIndex;
import org.patientinsight.serving.analysis.LocalPostgres;
import org.patientinsight.serving.http.ApiKeyAuth;

/**
 * The Deployment as shipped: render the example overlay with kustomize (kubectl's built-in),
 * take the serving container's env (the test plays the Secrets it references), its args and
 * the image's entry command, and start that on this machine: it must turn ready, listen on
 * the manifest's bind address, keep analyses in the (real) PostgreSQL the Secret names, and
 * apply the manifest's metrics token and HSTS settings. The init container's copy of the
 * warehouse index is stood in for by the test index at the mounted path.
 */
class RenderedDeploymentStartsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "deployment-test-key";
  private static final String METRICS_TOKEN = "metrics-test-token";

  static Path repoRoot() {
    Path serving = Path.of("").toAbsolutePath();
    return serving.getParent();
  }

  /** kubectl's built-in kustomize (the machine image has kubectl; Debian's 1.20 one is too old). */
  static boolean kubectlAvailable() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static List<JsonNode> render(Path overlay) throws Exception {
    Assumptions.assumeTrue(kubectlAvailable(), "kubectl is not on PATH: the rendered Deployment "
        + "cannot be checked here (install kubectl >= 1.27 for its built-in kustomize)");
    Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize finished");
    assertEquals(0, p.exitValue(), "kubectl kustomize " + overlay);
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class)
        .readValues(new String(out, StandardCharsets.UTF_8))) {
      while (it.hasNext()) {
        docs.add(it.next());
      }
    }
    return docs;
  }

  static JsonNode servingContainer(List<JsonNode> docs) {
    for (JsonNode d : docs) {
      if (d.path("kind").asText().equals("Deployment")
          && d.path("metadata").path("name").asText().equals("patient-insight-serving")) {
        for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
          if (c.path("name").asText().equals("serving")) {
            return c;
          }
        }
      }
    }
    throw new AssertionError("no serving container in the rendered manifests");
  }

  /** The env the kubelet would give the container, with our stand-in Secrets. */
  static Map<String, String> env(JsonNode container, Map<String, String> secrets) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : container.path("env")) {
      String name = e.path("name").asText();
      if (e.has("value")) {
        env.put(name, e.path("value").asText());
        continue;
      }
      JsonNode ref = e.path("valueFrom").path("secretKeyRef");
      assertFalse(ref.isMissingNode(), name + ": only literal values and Secret references are expected");
      String v = secrets.get(ref.path("name").asText() + "/" + ref.path("key").asText());
      if (v != null) {
        env.put(name, v);
      } else {
        assertTrue(ref.path("optional").asBoolean(), name + " needs Secret "
            + ref.path("name").asText() + "/" + ref.path("key").asText() + " and it is not optional");
      }
    }
    return env;
  }

  /** The image's ENTRYPOINT main class, from the Dockerfile the image is built from. */
  static String entryPointMainClass() throws IOException {
    String dockerfile = Files.readString(repoRoot().resolve("spark-apps/docker/serving.Dockerfile"));
    Matcher m = Pattern.compile("ENTRYPOINT \\[\"java\", \"-cp\", \"[^\"]+\", \"([^\"]+)\"\\]").matcher(dockerfile);
    assertTrue(m.find(), "serving.Dockerfile has ENTRYPOINT [java, -cp, jar, main]");
    return m.group(1);
  }

  @Test
  void theRenderedDeploymentStartsAndTurnsReady() throws Exception {
    List<JsonNode> docs = render(repoRoot().resolve("spark-apps/k8s/overlays/example"));
    JsonNode c = servingContainer(docs);
    assertTrue(c.path("command").isMissingNode(), "the image's entry command runs");
    assertEquals(ServeMain.class.getName(), entryPointMainClass());
    String readyPath = c.path("readinessProbe").path("httpGet").path("path").asText();
    String livePath = c.path("livenessProbe").path("httpGet").path("path").asText();

    // the volumes: the init container's index copy, and /tmp
    Map<String, Path> mounts = new HashMap<>();
    for (JsonNode m : c.path("volumeMounts")) {
      mounts.put(m.path("mountPath").asText(), Files.createTempDirectory("mount"));
    }
    Path warehouse = mounts.get("/data/warehouse");
    assertNotNull(warehouse, "the warehouse volume is mounted at /data/warehouse");
    Files.createSymbolicLink(warehouse.resolve("vector_index"), TestIndex.dir());

    List<String> args = new ArrayList<>();
    for (JsonNode a : c.path("args")) {
      String v = a.asText();
      for (Map.Entry<String, Path> m : mounts.entrySet()) {
        if (v.equals(m.getKey()) || v.startsWith(m.getKey() + "/")) {
          v = m.getValue() + v.substring(m.getKey().length());
        }
      }
      args.add(v);
    }

    try (LocalPostgres pg = LocalPostgres.start()) {
      Map<String, String> secrets = Map.of(
          "patient-insight-serving-keys/api-key-hashes", ApiKeyAuth.sha256Hex(KEY),
          "patient-insight-serving-keys/metrics-token", METRICS_TOKEN,
          "patient-insight-analyses-db/jdbc-url", pg.createDatabase(),
          "patient-insight-analyses-db/username", pg.user(),
          "patient-insight-analyses-db/password", pg.password());
      Map<String, String> env = env(c, secrets);
      assertEquals("0.0.0.0", env.get("PI_SERVING_BIND"));
      assertEquals("postgres", env.get("PI_SERVING_ANALYSES_STORE"));
      // the container port is 8080; here a free port is appended so parallel builds do not clash
      try (ServeProcess serve = ServeProcess.start(env, args)) {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(serve.uri(readyPath)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(JSON.readTree(ready.body()).path("indexOpen").asBoolean());
        assertEquals(200, http.send(HttpRequest.newBuilder(serve.uri(livePath)).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(serve.log().contains("\"bind\":\"0.0.0.0\""), "listens on the manifest's address");

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(serve.uri("/api/v1/analyses"))
            .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"symptoms\":\"fever and cough in a child\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("max-age=31536000", created.headers().firstValue("Strict-Transport-Security").orElse(""));
        try (var db = java.sql.DriverManager.getConnection(secrets.get("patient-insight-analyses-db/jdbc-url"),
            pg.user(), pg.password()); var rs = db.createStatement().executeQuery("SELECT count(*) FROM analyses")) {
          rs.next();
          assertEquals(1, rs.getInt(1), "the analysis is in the database the Secret names");
        }

        assertEquals(401, http.send(HttpRequest.newBuilder(serve.uri("/metrics")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode(), "the Secret's metrics token applies");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(serve.uri("/metrics"))
            .header("Authorization", "Bearer " + METRICS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("pi_serving_http_requests_total"));
      }
    }
  }

  @Test
  void withoutTheIndexServeNeverReportsReadyAndExits() throws Exception {
    Path emptyWarehouse = Files.createTempDirectory("no-index");
    ServeProcess serve = ServeProcess.launch(Map.of(ApiKeyAuth.ENV, ApiKeyAuth.sha256Hex(KEY)),
        List.of("--warehouse", emptyWarehouse.toString()));
    try {
      int exit = serve.awaitExit(Duration.ofSeconds(120));
      assertEquals(1, exit, serve.log());
      assertTrue(serve.log().contains("vector_index"), serve.log());
    } finally {
      serve.close();
    }
  }
}
