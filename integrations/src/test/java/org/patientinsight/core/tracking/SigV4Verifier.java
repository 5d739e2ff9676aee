package org.patientinsight.core.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-side SigV4 check written from AWS's published algorithm (independent of the SDK): rebuilds
 * the canonical request from what the server received and recomputes the signature, as the
 * service would.
 */
final class SigV4Verifier {
  static final Pattern AUTH = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/"
      + "([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

  private SigV4Verifier() {
  }

  /** Returns the recomputed signature; the caller compares it with the one sent. */
  static String expectedSignature(FakeMlflowServer.Recorded r, String secretKey) throws Exception {
    Matcher m = AUTH.matcher(r.header("Authorization"));
    if (!m.matches()) {
      throw new AssertionError("not a SigV4 Authorization header: " + r.header("Authorization"));
    }
    String date = m.group(2);
    String region = m.group(3);
    String service = m.group(4);
    String signedHeaders = m.group(5);
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String h : signedHeaders.split(";")) {
      String v = r.header(h);
      if (v == null) {
        throw new AssertionError("signed header missing from request: " + h);
      }
      canonicalHeaders.append(h).append(':').append(v.strip().replaceAll("\\s+", " "))
          .append('\n');
    }
    String payloadHash = r.header("x-amz-content-sha256") != null
        ? r.header("x-amz-content-sha256") : hex(sha256(r.body()));
    String query = "";
    if (r.rawQuery() != null) {
      String[] pairs = r.rawQuery().split("&");
      Arrays.sort(pairs);
      query = String.join("&", pairs);
    }
    // our paths hold only unreserved characters, so single and double URI encoding agree
    String canonical = r.method() + "\n" + r.path() + "\n" + query + "\n" + canonicalHeaders
        + "\n" + signedHeaders + "\n" + payloadHash;
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + r.header("x-amz-date") + "\n" + scope + "\n"
        + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    return hex(hmac(key, toSign));
  }

  static String signatureSent(FakeMlflowServer.Recorded r) {
    Matcher m = AUTH.matcher(r.header("Authorization"));
    return m.matches() ? m.group(6) : null;
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
