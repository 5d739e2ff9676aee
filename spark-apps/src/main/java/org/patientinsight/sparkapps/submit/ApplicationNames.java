package org.patientinsight.sparkapps.submit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Deterministic SparkApplication names. The same inputs always give the same name, so a repeated
 * submission collides with the existing object (HTTP 409) instead of starting a second run.
 * Names are DNS-1035 labels: lower case, start with a letter, at most 63 characters.
 */
public final class ApplicationNames {
  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_LENGTH = 63;
  // 80 bits of SHA-256: collisions are not a practical concern for the number of runs we keep
  private static final int HASH_HEX_CHARS = 20;

  private ApplicationNames() {
  }

  /** Name for a manual pipeline run of {@code inputUri} under {@code runId}. */
  public static String forPipelineRun(String inputUri, String runId) {
    return "pi-pipeline-" + hash("pipeline", inputUri, runId);
  }

  /** Name for one version of one S3 object; a redelivered event for the same object version maps to the same name. */
  public static String forS3Object(String bucket, String key, String eTag, String versionId) {
    return "pi-object-" + hash("s3-object", bucket, key, nullToEmpty(eTag), nullToEmpty(versionId));
  }

  public static boolean isValid(String name) {
    return name != null && name.length() <= MAX_LENGTH && DNS_1035.matcher(name).matches();
  }

  private static String hash(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        // length-prefix each part so ("ab","c") and ("a","bc") differ
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
