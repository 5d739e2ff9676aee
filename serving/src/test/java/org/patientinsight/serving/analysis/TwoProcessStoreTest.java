package org.patientinsight.serving.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.ServeProcess;
import org.patientinsight.serving.http.ApiKeyAuth;

/**
 * Two real {@code serve} processes (separate JVMs) on one analyses store: 160 concurrent
 * follow-up questions to one analysis are all kept, in order, none twice. Once on one
 * directory (the file store) and once on one real PostgreSQL server.
 */
class TwoProcessStoreTest {
  private static final String KEY = "replica-key-1";
  private static Path warehouse;

  @BeforeAll
  static void warehouse() {
    warehouse = ServeProcess.warehouseWithTestIndex();
  }

  private static Map<String, String> baseEnv() {
    return Map.of(ApiKeyAuth.ENV, ApiKeyAuth.sha256Hex(KEY));
  }

  @Test
  void fileStoreOnOneDirectory() throws Exception {
    Path dir = Files.createTempDirectory("shared-analyses");
    Map<String, String> env = new java.util.HashMap<>(baseEnv());
    env.put("PI_SERVING_ANALYSES_DIR", dir.toString());
    List<String> args = List.of("--warehouse", warehouse.toString());
    try (ServeProcess a = ServeProcess.launch(env, args); ServeProcess b = ServeProcess.launch(env, args)) {
      a.awaitReady();
      b.awaitReady();
      TwoReplicasQuestions.check(a, b, KEY);
    }
  }

  @Test
  void postgresStore() throws Exception {
    try (LocalPostgres pg = LocalPostgres.start()) {
      Map<String, String> env = new java.util.HashMap<>(baseEnv());
      env.put("PI_SERVING_ANALYSES_STORE", "postgres");
      env.put("PI_SERVING_ANALYSES_JDBC_URL", pg.createDatabase());
      env.put(AnalysisStores.DB_USER_ENV, pg.user());
      env.put(AnalysisStores.DB_PASSWORD_ENV, pg.password());
      List<String> args = List.of("--warehouse", warehouse.toString());
      try (ServeProcess a = ServeProcess.launch(env, args); ServeProcess b = ServeProcess.launch(env, args)) {
      a.awaitReady();
      b.awaitReady();
        TwoReplicasQuestions.check(a, b, KEY);
      }
    }
  }

  /**
   * The per-key request limit is one budget for both processes when they share PostgreSQL:
   * 30 requests alternating between them with a limit of 20 per minute → 20 go ahead (21 if
   * the run happens to cross a minute boundary, where the sliding window's rounding may let one
   * more in), the rest get 429 with Retry-After; per-process buckets would have let all 30 in.
   */
  @Test
  void postgresStoreSharesTheRequestLimit() throws Exception {
    try (LocalPostgres pg = LocalPostgres.start()) {
      Map<String, String> env = new java.util.HashMap<>(baseEnv());
      env.put("PI_SERVING_ANALYSES_STORE", "postgres");
      env.put("PI_SERVING_ANALYSES_JDBC_URL", pg.createDatabase());
      env.put(AnalysisStores.DB_USER_ENV, pg.user());
      env.put(AnalysisStores.DB_PASSWORD_ENV, pg.password());
      env.put("PI_SERVING_RATE_LIMIT_REQUESTS_PER_MINUTE", "20");
      List<String> args = List.of("--warehouse", warehouse.toString());
      try (ServeProcess a = ServeProcess.launch(env, args); ServeProcess b = ServeProcess.launch(env, args)) {
        a.awaitReady();
        b.awaitReady();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        int allowed = 0;
        int limited = 0;
        for (int i = 0; i < 30; i++) {
          ServeProcess p = i % 2 == 0 ? a : b;
          // an unknown analysis: authenticated and counted, then a cheap 404
          java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
              p.uri("/api/v1/analyses/" + java.util.UUID.randomUUID()))
              .header("Authorization", "Bearer " + KEY).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 429) {
            limited++;
            org.junit.jupiter.api.Assertions.assertTrue(
                Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow()) >= 1, r.headers().toString());
          } else {
            org.junit.jupiter.api.Assertions.assertEquals(404, r.statusCode(), r.body());
            allowed++;
          }
        }
        org.junit.jupiter.api.Assertions.assertTrue(allowed == 20 || allowed == 21,
            "two replicas, one budget of 20: allowed " + allowed + ", limited " + limited);
      }
    }
  }
}
