package org.patientinsight.serving.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.patientinsight.serving.limits.PostgresRequestLimiter;
import org.patientinsight.serving.limits.RequestRateLimiter;

/**
 * Analyses in PostgreSQL (Amazon RDS in production), shared by every replica. The schema is
 * Flyway's ({@code db/analyses/V*.sql}, migrated at start-up under Flyway's advisory lock, so
 * replicas starting together are safe). Questions are rows of an append-only table whose
 * identity column orders them: two replicas answering at once each insert their row, and
 * nothing is read-modified-written, so none is lost.
 */
public final class PostgresAnalysisRepository implements AnalysisRepository {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final DataSource ds;
  private final AutoCloseable pool;

  PostgresAnalysisRepository(DataSource ds, AutoCloseable pool) {
    this.ds = ds;
    this.pool = pool;
  }

  /** Opens a pool with a fixed password, migrates the schema and returns the store. */
  public static PostgresAnalysisRepository open(String jdbcUrl, String user, String password,
      int poolSize) {
    return open(jdbcUrl, user, () -> password, poolSize);
  }

  /**
   * @param passwords asked for each new physical connection (RDS IAM tokens expire after 15
   *     minutes; the pool retires connections sooner, see maxLifetime)
   */
  public static PostgresAnalysisRepository open(String jdbcUrl, String user,
      Supplier<String> passwords, int poolSize) {
    HikariConfig c = new HikariConfig();
    c.setDataSource(new PasswordPerConnectionDataSource(jdbcUrl, user, passwords));
    c.setMaximumPoolSize(poolSize);
    c.setMaxLifetime(10 * 60_000L);
    c.setPoolName("analyses");
    c.setConnectionTimeout(10_000);
    HikariDataSource ds = new HikariDataSource(c);
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/analyses")
          .table("analyses_schema_history").load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new PostgresAnalysisRepository(ds, ds);
  }

  /** Every replica counts in the same table, so a key's limit is one budget for the service. */
  @Override
  public RequestRateLimiter requestLimiter(int perMinute, Clock clock) {
    return new PostgresRequestLimiter(ds, perMinute, clock);
  }

  @Override
  public void create(StoredAnalysis a) {
    AnalysisIds.require(a);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        insertAnalysis(c, a);
        for (QuestionAnswer qa : a.questions()) {
          insertQuestion(c, a.id(), qa);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store analysis " + a.id() + ": " + e.getSQLState(), e);
    }
  }

  @Override
  public boolean createWithin(StoredAnalysis a, long maxOwned) {
    AnalysisIds.require(a);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        // one owner's creates queue on this lock (released at commit), on every replica
        try (PreparedStatement lock = c.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtextextended(?, 18))")) {
          lock.setString(1, a.owner());
          lock.execute();
        }
        long owned;
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM analyses WHERE owner_key_id = ?")) {
          ps.setString(1, a.owner());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            owned = rs.getLong(1);
          }
        }
        if (owned >= maxOwned) {
          c.rollback();
          return false;
        }
        insertAnalysis(c, a);
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store analysis " + a.id() + ": " + e.getSQLState(), e);
    }
  }

  private static void insertAnalysis(Connection c, StoredAnalysis a) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO analyses "
        + "(id, owner_key_id, created_at, analysis) VALUES (?, ?, ?, ?::jsonb)")) {
      ps.setObject(1, UUID.fromString(a.id()));
      ps.setString(2, a.owner());
      ps.setObject(3, utc(Instant.parse(a.createdAt())));
      ps.setString(4, JSON.writeValueAsString(a.withoutQuestions()));
      ps.executeUpdate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<StoredAnalysis> find(String id) {
    if (!AnalysisIds.isValid(id)) {
      return Optional.empty();
    }
    try (Connection c = ds.getConnection()) {
      // one snapshot for the analysis and its questions
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        StoredAnalysis a;
        try (PreparedStatement ps = c.prepareStatement("SELECT analysis FROM analyses WHERE id = ?")) {
          ps.setObject(1, UUID.fromString(id));
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            a = JSON.readValue(rs.getString(1), StoredAnalysis.class);
          }
        }
        List<QuestionAnswer> qs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT question FROM analysis_questions WHERE analysis_id = ? ORDER BY seq")) {
          ps.setObject(1, UUID.fromString(id));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              qs.add(JSON.readValue(rs.getString(1), QuestionAnswer.class));
            }
          }
        }
        return Optional.of(a.withoutQuestions().withQuestions(qs));
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read analysis: " + e.getSQLState(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("malformed analysis row " + id, e);
    }
  }

  @Override
  public boolean appendQuestion(String analysisId, QuestionAnswer qa) {
    if (!AnalysisIds.isValid(analysisId)) {
      return false;
    }
    try (Connection c = ds.getConnection()) {
      insertQuestion(c, analysisId, qa);
      return true;
    } catch (SQLException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
        return false; // no such analysis (or deleted meanwhile)
      }
      throw new IllegalStateException("cannot store a question: " + e.getSQLState(), e);
    }
  }

  private static void insertQuestion(Connection c, String analysisId, QuestionAnswer qa)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO analysis_questions "
        + "(analysis_id, question_id, question) VALUES (?, ?, ?::jsonb)")) {
      ps.setObject(1, UUID.fromString(analysisId));
      ps.setObject(2, UUID.fromString(qa.id()));
      ps.setString(3, JSON.writeValueAsString(qa));
      ps.executeUpdate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean delete(String id) {
    if (!AnalysisIds.isValid(id)) {
      return false;
    }
    return update("DELETE FROM analyses WHERE id = ?", UUID.fromString(id)) > 0;
  }

  @Override
  public long countOwnedBy(String ownerKeyId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM analyses WHERE owner_key_id = ?")) {
      ps.setString(1, ownerKeyId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count analyses: " + e.getSQLState(), e);
    }
  }

  @Override
  public int deleteCreatedBefore(Instant cutoff) {
    return update("DELETE FROM analyses WHERE created_at < ?", utc(cutoff));
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private int update(String sql, Object param) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("analyses update failed: " + e.getSQLState(), e);
    }
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the analyses pool", e);
    }
  }
}
