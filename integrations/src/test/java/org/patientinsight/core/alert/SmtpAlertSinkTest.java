package org.patientinsight.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Jakarta Mail (Angus) client against a loopback SMTP server in test code. */
class SmtpAlertSinkTest {
  private FakeSmtpServer smtp;

  @BeforeEach
  void start() throws Exception {
    smtp = new FakeSmtpServer();
  }

  @AfterEach
  void stop() throws Exception {
    smtp.close();
  }

  private SmtpAlertSink.Config config(boolean starttls, String user) {
    return new SmtpAlertSink.Config("127.0.0.1", smtp.port(),
        SmtpAlertSink.parseAddresses("alerts@patientinsight.example", "from").get(0),
        SmtpAlertSink.parseAddresses("oncall@example.org, data-team@example.org", "to"),
        starttls, user, Duration.ofSeconds(5));
  }

  @Test
  void deliversAPlainTextMessageWithAuth() {
    new SmtpAlertSink(config(false, "bot"), "s3cret").send(TestAlerts.drift());
    assertEquals(1, smtp.messages.size());
    FakeSmtpServer.Received m = smtp.messages.get(0);
    assertEquals("<alerts@patientinsight.example>", m.mailFrom());
    assertEquals(2, m.rcptTo().size());
    // AUTH PLAIN = authzid NUL authcid NUL password (RFC 4616); Angus sets authzid = username
    String[] auth = m.authPlain().split("\0", -1);
    assertEquals(List.of("bot", "s3cret"), List.of(auth[1], auth[2]));
    assertTrue(m.data().contains("Subject: [ALERT] Age drift detected (run run-42)"), m.data());
    assertTrue(m.data().contains("X-PatientInsight-Alert-Kind: age_drift"), m.data());
    assertTrue(m.data().contains("ks_d: 0.2310"), m.data());
  }

  @Test
  void deliversWithoutAuthWhenNoUsername() {
    new SmtpAlertSink(config(false, null), null).send(TestAlerts.drift());
    assertEquals(1, smtp.messages.size());
    assertEquals(null, smtp.messages.get(0).authPlain());
  }

  @Test
  void requiredStarttlsRefusesAServerWithoutIt() {
    SmtpAlertSink sink = new SmtpAlertSink(config(true, "bot"), "s3cret");
    assertThrows(AlertDeliveryException.class, () -> sink.send(TestAlerts.drift()));
    assertEquals(0, smtp.messages.size(), "nothing may be sent in clear text");
  }

  @Test
  void usernameWithoutPasswordIsAConfigError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SmtpAlertSink(config(false, "bot"), null));
    assertTrue(e.getMessage().contains("PI_SMTP_PASSWORD"));
  }
}
