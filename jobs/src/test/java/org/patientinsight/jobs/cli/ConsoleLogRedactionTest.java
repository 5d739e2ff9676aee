package org.patientinsight.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patientinsight.jobs.testing.CapturedLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console log (jobs' log4j2.properties) redacts URI credentials in messages and stack traces. */
class ConsoleLogRedactionTest {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleLogRedactionTest.class);

  @Test
  void messagesAndStackTracesLoseTheirCredentials() {
    String text;
    try (CapturedLogs logs = new CapturedLogs()) {
      LOG.info("reading s3a://AKIAEXAMPLE:wJalrSECRET@raw/drops/ for run r1");
      LOG.warn("webhook https://hooks.example/T0?token=xoxb-LEAK&channel=ops failed",
          new IllegalStateException("cannot open https://mlflow-user:mlflow-pass@mlflow.example/api"));
      text = logs.text();
    }
    for (String secret : new String[] {"wJalrSECRET", "AKIAEXAMPLE", "xoxb-LEAK", "mlflow-pass"}) {
      assertFalse(text.contains(secret), secret + " in: " + text);
    }
    assertTrue(text.contains("ConsoleLogRedactionTest: reading s3a://***@raw/drops/ for run r1\n"), text);
    assertTrue(text.contains("webhook https://hooks.example/T0?token=***&channel=ops failed\n"), text);
    assertTrue(text.contains("IllegalStateException: cannot open https://***@mlflow.example/api"), text);
    assertTrue(text.contains("\tat org.patientinsight.jobs.cli.ConsoleLogRedactionTest"), "the stack trace is kept");
    assertEquals(1, text.split("IllegalStateException: cannot open", -1).length - 1,
        "the exception is printed once, not again after the redacted copy");
  }
}
