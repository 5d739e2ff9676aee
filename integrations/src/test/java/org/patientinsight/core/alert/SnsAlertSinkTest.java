package org.patientinsight.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real SNS client (aws-sdk-java-v2) against a loopback server speaking the SNS Query API:
 * form-encoded {@code Action=Publish} in, {@code PublishResponse} XML out.
 */
class SnsAlertSinkTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:patient-insight-alerts";
  private HttpServer server;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private final List<String> authHeaders = new CopyOnWriteArrayList<>();
  private volatile boolean topicExists = true;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(form(body));
      authHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      String xml;
      int code;
      if (topicExists) {
        code = 200;
        xml = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
            + "<MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>"
            + "</ResponseMetadata></PublishResponse>";
      } else {
        code = 404;
        xml = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
            + "<Code>NotFound</Code><Message>Topic does not exist</Message></Error>"
            + "<RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId></ErrorResponse>";
      }
      byte[] out = xml.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/xml");
      ex.sendResponseHeaders(code, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  private SnsAlertSink sink() {
    return SnsAlertSink.create(TOPIC, null, URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), Duration.ofSeconds(5));
  }

  @Test
  void publishesSubjectAndBodyToTheTopic() {
    try (SnsAlertSink sink = sink()) {
      sink.send(TestAlerts.drift());
    }
    assertEquals(1, requests.size());
    Map<String, String> r = requests.get(0);
    assertEquals("Publish", r.get("Action"));
    assertEquals("2010-03-31", r.get("Version"));
    assertEquals(TOPIC, r.get("TopicArn"));
    assertEquals("[ALERT] Age drift detected (run run-42)", r.get("Subject"));
    assertTrue(r.get("Message").contains("psi: 0.4100"), r.get("Message"));
    // SigV4-signed for the region taken from the ARN
    assertTrue(authHeaders.get(0).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), authHeaders.get(0));
    assertTrue(authHeaders.get(0).contains("/eu-west-1/sns/aws4_request"), authHeaders.get(0));
  }

  @Test
  void serviceErrorBecomesADeliveryFailure() {
    topicExists = false;
    try (SnsAlertSink sink = sink()) {
      AlertDeliveryException e = assertThrows(AlertDeliveryException.class, () -> sink.send(TestAlerts.drift()));
      assertTrue(e.getMessage().contains("Topic does not exist"), e.getMessage());
    }
  }

  @Test
  void subjectIsTrimmedToSnsLimits() {
    Alert a = new Alert("k", Severity.WARNING, "ü".repeat(150), "", Map.of(), "r", null);
    String s = SnsAlertSink.subject(a);
    assertEquals(SnsAlertSink.MAX_SUBJECT, s.length());
    assertTrue(s.chars().allMatch(c -> c >= 0x20 && c <= 0x7E));
  }

  @Test
  void rejectsMalformedArn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SnsAlertSink.create("topic", null, null, null, Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("ARN"));
  }
}
