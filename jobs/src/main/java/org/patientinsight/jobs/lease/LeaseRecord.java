package org.patientinsight.jobs.lease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generation of the warehouse lease, as written to {@code _lease/<n>.json}: who holds it,
 * their last heartbeat and until when the lease is theirs. A generation is written once and
 * never changed; the highest one is the lease's state. {@code released} ends a holding.
 */
public record LeaseRecord(long generation, LeaseHolder holder, Instant heartbeatAt, Instant expiresAt,
    boolean released) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** True when this generation keeps others out at {@code now}: held and not yet expired. */
  public boolean heldAt(Instant now) {
    return !released && now.isBefore(expiresAt);
  }

  /** True when a holder stopped heartbeating and its lease ran out (a dead or hung run). */
  public boolean expiredAt(Instant now) {
    return !released && !now.isBefore(expiresAt);
  }

  public byte[] toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generation", generation);
    m.put("state", released ? "RELEASED" : "HELD");
    m.put("run_id", holder.runId());
    m.put("host", holder.host());
    m.put("pid", holder.pid());
    m.put("started_at", holder.startedAt().toString());
    m.put("token", holder.token());
    m.put("heartbeat_at", heartbeatAt.toString());
    m.put("expires_at", expiresAt.toString());
    try {
      return JSON.writeValueAsBytes(m);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a generation file; a file that is not a lease record is an error naming it. */
  public static LeaseRecord fromJson(byte[] bytes, String where) throws IOException {
    try {
      JsonNode n = JSON.readTree(bytes);
      LeaseHolder h = new LeaseHolder(text(n, "run_id"), text(n, "host"), n.path("pid").asLong(),
          Instant.parse(text(n, "started_at")), text(n, "token"));
      return new LeaseRecord(n.path("generation").asLong(), h, Instant.parse(text(n, "heartbeat_at")),
          Instant.parse(text(n, "expires_at")), "RELEASED".equals(text(n, "state")));
    } catch (IOException | RuntimeException e) {
      throw new IOException("unreadable lease file " + where + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing '" + field + "'");
    }
    return v.asText();
  }

  @Override
  public String toString() {
    return new String(toJson(), StandardCharsets.UTF_8);
  }
}
