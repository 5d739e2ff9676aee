package org.patientinsight.sparkapps.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Acceptance 2: the EKS token's shape, and a SigV4 signature checked by an independent computation. */
class EksTokenGeneratorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T06:13:00Z"), ZoneOffset.UTC);

  @Test
  void tokenIsAPresignedGetCallerIdentityUrlBehindThePrefix() throws Exception {
    String token = new EksTokenGenerator("patient-insight-eks", "eu-west-1",
        StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLEKEY", "secretExample", "sessionTok/en+=")),
        CLOCK).token();

    assertTrue(token.startsWith("k8s-aws-v1."), token);
    String encoded = token.substring("k8s-aws-v1.".length());
    assertFalse(encoded.contains("=") || encoded.contains("+") || encoded.contains("/"), "base64url without padding");
    URI url = URI.create(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));

    assertEquals("https", url.getScheme());
    assertEquals("sts.eu-west-1.amazonaws.com", url.getHost());
    Map<String, String> q = query(url);
    assertEquals("GetCallerIdentity", q.get("Action"));
    assertEquals("2011-06-15", q.get("Version"));
    assertEquals("AWS4-HMAC-SHA256", q.get("X-Amz-Algorithm"));
    assertEquals("ASIAEXAMPLEKEY/20240501/eu-west-1/sts/aws4_request", q.get("X-Amz-Credential"));
    assertEquals("20240501T061300Z", q.get("X-Amz-Date"));
    assertEquals("60", q.get("X-Amz-Expires"));
    assertEquals("host;x-k8s-aws-id", q.get("X-Amz-SignedHeaders"), "the cluster name header is signed");
    assertEquals("sessionTok/en+=", q.get("X-Amz-Security-Token"));
    assertTrue(q.get("X-Amz-Signature").matches("[0-9a-f]{64}"));
  }

  @Test
  void signatureMatchesAnIndependentSigV4Computation() throws Exception {
    String token = new EksTokenGenerator("patient-insight-eks", "eu-west-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
        CLOCK).token();
    URI url = URI.create(new String(Base64.getUrlDecoder().decode(token.substring(11)), StandardCharsets.UTF_8));
    Map<String, String> q = query(url);

    // canonical request per the SigV4 spec: every query parameter but the signature, sorted and encoded
    StringBuilder canonicalQuery = new StringBuilder();
    for (Map.Entry<String, String> e : q.entrySet()) {
      if (!e.getKey().equals("X-Amz-Signature")) {
        canonicalQuery.append(canonicalQuery.length() == 0 ? "" : "&")
            .append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      }
    }
    String canonicalRequest = String.join("\n", "GET", "/", canonicalQuery,
        "host:sts.eu-west-1.amazonaws.com", "x-k8s-aws-id:patient-insight-eks", "",
        "host;x-k8s-aws-id", sha256Hex(""));
    String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", "20240501T061300Z",
        "20240501/eu-west-1/sts/aws4_request", sha256Hex(canonicalRequest));
    byte[] key = hmac(("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").getBytes(StandardCharsets.UTF_8), "20240501");
    key = hmac(key, "eu-west-1");
    key = hmac(key, "sts");
    key = hmac(key, "aws4_request");
    assertEquals(HexFormat.of().formatHex(hmac(key, stringToSign)), q.get("X-Amz-Signature"));
  }

  @Test
  void refreshingProviderRemakesTheTokenAfterItsMaxAge() {
    var now = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2024-05-01T06:00:00Z"));
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now.get(); }
    };
    int[] made = {0};
    RefreshingTokenProvider provider = new RefreshingTokenProvider(() -> "t" + (++made[0]), clock,
        java.time.Duration.ofMinutes(10));
    assertEquals("t1", provider.getToken());
    now.set(now.get().plusSeconds(599));
    assertEquals("t1", provider.getToken());
    now.set(now.get().plusSeconds(1));
    assertEquals("t2", provider.getToken());
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> q = new TreeMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  /** RFC 3986 unreserved characters stay, everything else is %XX (SigV4's URI encoding). */
  private static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String sha256Hex(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
