package org.patientinsight.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void credentialsInUrisAreRedacted() {
    assertEquals("s3a://***@raw-bucket/drops/2026/", Redaction.text("s3a://AKIAEXAMPLE:wJalr%2FSECRET@raw-bucket/drops/2026/"));
    assertEquals("https://***@mlflow.example:5000/api", Redaction.text("https://user:p%40ss@mlflow.example:5000/api"));
    assertEquals("cannot read s3a://***@b/k.csv: access denied (s3a://***@b/k.csv)",
        Redaction.text("cannot read s3a://K:S@b/k.csv: access denied (s3a://K:S@b/k.csv)"));
    // a user name alone is redacted too: a token often travels as https://TOKEN@host
    assertEquals("https://***@github.example/x.git", Redaction.text("https://ghp_abc123@github.example/x.git"));
  }

  @Test
  void secretQueryParametersAreRedactedOthersKept() {
    assertEquals("https://hooks.example/T0?token=***&channel=ops",
        Redaction.text("https://hooks.example/T0?token=xoxb-123&channel=ops"));
    assertEquals("https://b.s3.amazonaws.com/k?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Expires=300",
        Redaction.text("https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=ab12&X-Amz-Expires=300"));
    assertEquals("http://h/p?api_key=***&key=***&sig=***&page=2",
        Redaction.text("http://h/p?api_key=a&key=b&sig=c&page=2"));
    assertEquals("http://h/p?tokenizer=bert&q=fever", Redaction.text("http://h/p?tokenizer=bert&q=fever"));
  }

  @Test
  void plainTextIsUnchanged() {
    assertNull(Redaction.text(null));
    assertEquals("", Redaction.text(""));
    String s = "read 20 = inserted 18 + quarantined 2; /tmp/wh/cases; s3a://lake/warehouse; a=b c@d";
    assertEquals(s, Redaction.text(s));
    assertEquals("mail ops@example.org", Redaction.text("mail ops@example.org"));
  }

  @Test
  void secretNamesAreWholeWords() {
    for (String secret : List.of("PINECONE_API_KEY", "MLFLOW_TRACKING_TOKEN", "PI_SMTP_PASSWORD", "passwd",
        "fs.s3a.secret.key", "fs.s3a.access.key", "AWS_SECRET_ACCESS_KEY", "apiKey", "accessToken",
        "X-Amz-Signature", "client_secret", "db.credentials", "serving.metrics_token", "key",
        "PATIENT_INSIGHT_API_KEY_HASHES")) {
      assertTrue(Redaction.isSecretName(secret), secret);
    }
    for (String plain : List.of("tokenizer", "serving.openai.max_tokens", "serving.rate_limit.analyses_per_key",
        "keyword", "monkey", "vector.store", "quality.max_age_field_invalid_share", "serving.analyses.auth", "")) {
      assertFalse(Redaction.isSecretName(plain), plain);
    }
  }

  @Test
  void secretSourcesCountEvenWhenTheNameSaysNothing() {
    assertTrue(Redaction.isSecretName("PI_ALERTS_WEBHOOK_URL"));
    assertEquals(Redaction.MASK, Redaction.value("PI_ALERTS_WEBHOOK_URL", "https://hooks.example/T0/B0/abc"));
    assertEquals("http://***@h:1/x", Redaction.value("lineage.http.url", "http://u:p@h:1/x"));
    assertEquals("", Redaction.value("PINECONE_API_KEY", ""));
  }

  @Test
  void deepRedactsStringsInsideMapsAndLists() {
    Object out = Redaction.deep(Map.of("input", "s3a://K:S@b/k", "files", List.of("s3a://K:S@b/k/1.csv"),
        "n", 3, "nested", Map.of("message", "to https://u:p@h failed")));
    assertEquals(Map.of("input", "s3a://***@b/k", "files", List.of("s3a://***@b/k/1.csv"), "n", 3,
        "nested", Map.of("message", "to https://***@h failed")), out);
  }
}
