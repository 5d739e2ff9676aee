package org.patientinsight.serving.limits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Requests per minute per key, counted in PostgreSQL so that every replica shares one budget.
 * Each key has one row per one-minute window; a request is counted only if the sliding-window
 * estimate (previous window weighted, plus the current one) stays within the limit, by one
 * conditional {@code UPDATE} — atomic under the row lock, so two replicas cannot both take the
 * last slot. Refused requests are not counted: a client that waits its Retry-After gets in.
 * Windows older than the previous one are deleted as new windows begin.
 */
public final class PostgresRequestLimiter implements RequestRateLimiter {
  private static final String COUNT =
      "SELECT n FROM request_counts WHERE key_id = ? AND window_start = ?";
  private static final String OPEN_WINDOW =
      "INSERT INTO request_counts (key_id, window_start, n) VALUES (?, ?, 0) ON CONFLICT DO NOTHING";
  private static final String COUNT_IF_ROOM = "UPDATE request_counts SET n = n + 1 "
      + "WHERE key_id = ? AND window_start = ? AND n + 1 + ? <= ? RETURNING n";
  private static final String FORGET = "DELETE FROM request_counts WHERE window_start < ?";

  private final DataSource ds;
  private final int perMinute;
  private final Clock clock;
  private volatile long lastForgotten = Long.MIN_VALUE;

  public PostgresRequestLimiter(DataSource ds, int perMinute, Clock clock) {
    this.ds = ds;
    this.perMinute = perMinute;
    this.clock = clock;
  }

  @Override
  public long secondsUntilAllowed(String keyId) {
    long now = clock.millis();
    long window = SlidingWindow.windowOf(now);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      forgetOldWindows(c, window);
      long previous = count(c, keyId, window - 1);
      // the previous window is closed, so its weighted share is fixed for this request
      long weighted = (long) Math.floor(previous * SlidingWindow.previousWeight(now));
      try (PreparedStatement open = c.prepareStatement(OPEN_WINDOW)) {
        open.setString(1, keyId);
        open.setLong(2, window);
        open.executeUpdate();
      }
      try (PreparedStatement take = c.prepareStatement(COUNT_IF_ROOM)) {
        take.setString(1, keyId);
        take.setLong(2, window);
        take.setLong(3, weighted);
        take.setLong(4, perMinute);
        try (ResultSet rs = take.executeQuery()) {
          if (rs.next()) {
            return 0;
          }
        }
      }
      return SlidingWindow.secondsUntilRoom(now, previous, count(c, keyId, window), perMinute);
    } catch (SQLException e) {
      throw new IllegalStateException("request limit: " + e.getSQLState() + " " + e.getMessage(), e);
    }
  }

  private static long count(Connection c, String keyId, long window) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(COUNT)) {
      q.setString(1, keyId);
      q.setLong(2, window);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Once per new window per process; the delete is idempotent, so replicas may overlap. */
  private void forgetOldWindows(Connection c, long window) throws SQLException {
    if (lastForgotten >= window) {
      return;
    }
    try (PreparedStatement d = c.prepareStatement(FORGET)) {
      d.setLong(1, window - 1);
      d.executeUpdate();
    }
    lastForgotten = window;
  }
}
