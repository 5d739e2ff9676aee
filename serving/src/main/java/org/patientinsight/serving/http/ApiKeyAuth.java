package org.patientinsight.serving.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.serving.analysis.Caller;

/**
 * Bearer API keys, configured only as SHA-256 hashes (hex) so the service never holds the
 * keys themselves. A presented key is hashed and compared with every configured hash in
 * constant time, without stopping at the first match, so timing reveals nothing. A key's id
 * (the first 16 hex digits of its hash) names the owner of the analyses it creates; keys in
 * the admin set ({@value #ADMIN_ENV}) may also read everyone's.
 */
public final class ApiKeyAuth {
  public static final String ENV = "PATIENT_INSIGHT_API_KEY_HASHES";
  public static final String ADMIN_ENV = "PATIENT_INSIGHT_ADMIN_KEY_HASHES";

  private final List<byte[]> hashes;
  private final List<byte[]> adminHashes;

  private ApiKeyAuth(List<byte[]> hashes, List<byte[]> adminHashes) {
    this.hashes = hashes;
    this.adminHashes = adminHashes;
  }

  /** Parses the comma-separated hex list; fails naming the variable on a bad entry. */
  public static ApiKeyAuth fromHashes(String commaSeparatedHex) {
    return fromHashes(commaSeparatedHex, null);
  }

  /** Admin keys are accepted keys too, whether or not they are also in the first list. */
  public static ApiKeyAuth fromHashes(String commaSeparatedHex, String adminCommaSeparatedHex) {
    List<byte[]> admins = parse(ADMIN_ENV, adminCommaSeparatedHex);
    List<byte[]> all = new ArrayList<>(parse(ENV, commaSeparatedHex));
    all.addAll(admins);
    return new ApiKeyAuth(List.copyOf(all), admins);
  }

  private static List<byte[]> parse(String env, String commaSeparatedHex) {
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
          throw new ConfigException(env, env + " entry " + i + " is not a SHA-256 hex digest "
              + "(64 hex characters); make one with: printf %s \"$KEY\" | sha256sum");
        }
        out.add(HexFormat.of().parseHex(h));
      }
    }
    return List.copyOf(out);
  }

  public boolean hasKeys() {
    return !hashes.isEmpty();
  }

  /** @param authorization the Authorization header, may be null */
  public boolean accepts(String authorization) {
    return identify(authorization).isPresent();
  }

  /** The caller a valid key stands for; empty for a missing or unknown key. */
  public Optional<Caller> identify(String authorization) {
    byte[] presented = presentedHash(authorization);
    if (presented == null) {
      return Optional.empty();
    }
    boolean match = false;
    for (byte[] h : hashes) {
      match |= MessageDigest.isEqual(h, presented);
    }
    boolean admin = false;
    for (byte[] h : adminHashes) {
      admin |= MessageDigest.isEqual(h, presented);
    }
    return match ? Optional.of(new Caller(keyId(presented), admin)) : Optional.empty();
  }

  /** The SHA-256 of a bearer token, or null when there is none. */
  static byte[] presentedHash(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String key = authorization.substring(7).trim();
    return key.isEmpty() ? null : sha256(key);
  }

  /** The id analyses record as owner: a prefix of the key's hash, never the key. */
  public static String keyId(byte[] keyHash) {
    return HexFormat.of().formatHex(keyHash, 0, 8);
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
