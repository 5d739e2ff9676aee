package org.patientinsight.serving.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store against a real server started for this class. */
class PostgresAnalysisRepositoryTest extends AnalysisRepositoryContract {
  private static LocalPostgres pg;
  private String url;

  @BeforeAll
  static void startServer() {
    pg = LocalPostgres.start();
  }

  @AfterAll
  static void stopServer() {
    pg.close();
  }

  @BeforeEach
  void newDatabase() {
    url = pg.createDatabase();
  }

  @Override
  AnalysisRepository open() {
    return PostgresAnalysisRepository.open(url, pg.user(), pg.password(), 4);
  }

  @Test
  void flywayOwnsTheSchemaAndMigratesOnce() throws Exception {
    open().close();
    open().close(); // a second replica starting: nothing left to migrate
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT version, success FROM analyses_schema_history ORDER BY installed_rank")) {
      for (String version : new String[] {"1", "2"}) {
        rs.next();
        assertEquals(version, rs.getString(1));
        assertEquals(true, rs.getBoolean(2));
      }
      assertEquals(false, rs.next(), "two migrations (analyses, request counts), each applied once");
    }
  }

  @Test
  void thePasswordIsAskedForEachNewConnection() {
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    try (AnalysisRepository r = PostgresAnalysisRepository.open(url, pg.user(), () -> {
      asked.incrementAndGet();
      return pg.password(); // an RDS IAM token in production (RdsIamPasswords)
    }, 2)) {
      StoredAnalysis a = analysis("k1", java.time.Instant.parse("2026-01-01T00:00:00Z"));
      r.create(a);
      assertEquals(a.id(), r.find(a.id()).orElseThrow().id());
    }
    assertEquals(true, asked.get() >= 1, "asked " + asked.get() + " times");
  }

  @Test
  void theQuotaHoldsForConcurrentCreatesThroughTwoPools() throws Exception {
    try (AnalysisRepository one = open(); AnalysisRepository two = open()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      java.util.List<java.util.concurrent.Future<Boolean>> done = new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        AnalysisRepository r = i % 2 == 0 ? one : two;
        done.add(pool.submit(() -> r.createWithin(
            analysis("busy-key", java.time.Instant.parse("2026-01-01T00:00:00Z")), 5)));
      }
      int created = 0;
      for (var f : done) {
        created += f.get() ? 1 : 0;
      }
      pool.shutdown();
      assertEquals(5, created, "exactly the quota, across both pools");
      assertEquals(5, one.countOwnedBy("busy-key"));
    }
  }

  @Test
  void aWrongPasswordFailsAtStartUp() {
    assertThrows(RuntimeException.class,
        () -> PostgresAnalysisRepository.open(url, pg.user(), "wrong", 1).close());
  }
}
