package org.patientinsight.serving.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.patientinsight.core.config.ConfigException;

/**
 * Bearer API keys, configured only as SHA-256 hashes (hex) so the service never holds the
 * keys themselves. A presented key is hashed and compared with every configured hash in
 * constant time, without stopping at the first match, so timing reveals nothing.
 */
public final class ApiKeyAuth {
  public static final String ENV = "PATIENT_INSIGHT_API_KEY_HASHES";

  private final List<byte[]> hashes;

  private ApiKeyAuth(List<byte[]> hashes) {
    this.hashes = hashes;
  }

  /** Parses the comma-separated hex list; fails naming the variable on a bad entry. */
  public static ApiKeyAuth fromHashes(String commaSeparatedHex) {
    List<byte[]> out = new ArrayList<>();
    if (commaSeparatedHex != null) {
      int i = 0;
      for (String part : commaSeparatedHex.split(",")) {
        i++;
        String h = part.trim().toLowerCase(Locale.ROOT);
        if (h.isEmpty()) {
          continue;
        }
        if (!h.matches("[0-9a-f]{64}")) {
          throw new ConfigException(ENV, ENV + " entry " + i + " is not a SHA-256 hex digest "
              + "(64 hex characters); make one with: printf %s \"$KEY\" | sha256sum");
        }
        out.add(HexFormat.of().parseHex(h));
      }
    }
    return new ApiKeyAuth(List.copyOf(out));
  }

  public boolean hasKeys() {
    return !hashes.isEmpty();
  }

  /** @param authorization the Authorization header, may be null */
  public boolean accepts(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String key = authorization.substring(7).trim();
    if (key.isEmpty()) {
      return false;
    }
    byte[] presented = sha256(key);
    boolean match = false;
    for (byte[] h : hashes) {
      match |= MessageDigest.isEqual(h, presented);
    }
    return match;
  }

  public static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256Hex(String s) {
    return HexFormat.of().formatHex(sha256(s));
  }
}
