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

}
