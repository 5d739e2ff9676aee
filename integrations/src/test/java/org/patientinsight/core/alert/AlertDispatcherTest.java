package org.patientinsight.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

class AlertDispatcherTest {

  /** Records what it receives. */
  static final class RecordingSink implements AlertSink {
    final List<Alert> got = new ArrayList<>();
    private final String name;

    RecordingSink(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void send(Alert alert) {
      got.add(alert);
    }
  }

  @Test
  void aFailingSinkDoesNotStopTheOthers() {
    RecordingSink before = new RecordingSink("a");
    RecordingSink after = new RecordingSink("c");
    AlertSink broken = new AlertSink() {
      @Override
      public String name() {
        return "b";
      }

      @Override
      public void send(Alert alert) {
        throw new IllegalStateException("boom");
      }
    };
    AlertDispatcher d = new AlertDispatcher(List.of(before, broken, after));
    AlertOutcome o1 = d.dispatch(TestAlerts.drift());
    AlertOutcome o2 = d.dispatch(TestAlerts.drift());
    assertEquals(List.of("a", "c"), o1.delivered());
    assertEquals(Map.of("b", "boom"), o2.failures());
    assertEquals(2, after.got.size());
    assertEquals(new SinkTally(2, 0), d.tallies().get("a"));
    assertEquals(new SinkTally(0, 2), d.tallies().get("b"));
  }

  @Test
  void duplicateSinkNamesAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new AlertDispatcher(List.of(new RecordingSink("x"), new RecordingSink("x"))));
  }

  @Test
  void defaultsGiveOnlyTheLogSink() {
    AlertDispatcher d = AlertDispatcher.fromSettings(Settings.defaults(), Map.of());
    assertEquals(List.of("log"), d.sinkNames());
  }

  @Test
  void configuredSinksAreBuiltAndWebhookUrlMayComeFromEnv() {
    Settings s = Settings.defaults().with(Map.of(
        "alerts.sns.topic_arn", "arn:aws:sns:us-east-1:123456789012:alerts",
        "alerts.smtp.host", "127.0.0.1",
        "alerts.smtp.from", "bot@example.org",
        "alerts.smtp.to", "a@example.org,b@example.org",
        "alerts.smtp.starttls", "false"));
    try (AlertDispatcher d = AlertDispatcher.fromSettings(s,
        Map.of(AlertSinkFactory.ENV_WEBHOOK_URL, "https://hooks.example.org/services/T/B/token"))) {
      assertEquals(List.of("log", "webhook", "sns", "smtp"), d.sinkNames());
    }
  }

  @Test
  void badValuesNameTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> AlertDispatcher.fromSettings(
        Settings.defaults().with(Map.of("alerts.smtp.host", "mail.example.org")), Map.of()));
    assertEquals("alerts.smtp.from", e.key());
    e = assertThrows(ConfigException.class, () -> AlertDispatcher.fromSettings(
        Settings.defaults().with(Map.of("alerts.webhook.url", "not a url")), Map.of()));
    assertEquals("alerts.webhook.url", e.key());
    e = assertThrows(ConfigException.class, () -> AlertDispatcher.fromSettings(
        Settings.defaults().with(Map.of("alerts.sns.topic_arn", "my-topic")), Map.of()));
    assertEquals("alerts.sns.topic_arn", e.key());
    e = assertThrows(ConfigException.class, () -> AlertDispatcher.fromSettings(
        Settings.defaults().with(Map.of("alerts.smtp.host", "h", "alerts.smtp.from", "a@b.org",
            "alerts.smtp.to", "x@y.org", "alerts.smtp.port", "70000")), Map.of()));
    assertEquals("alerts.smtp.port", e.key());
    assertTrue(e.getMessage().contains("70000"));
    e = assertThrows(ConfigException.class, () -> AlertDispatcher.fromSettings(
        Settings.defaults().with(Map.of("alerts.smtp.host", "h", "alerts.smtp.from", "a@b.org",
            "alerts.smtp.to", "x@y.org", "alerts.smtp.username", "bot")), Map.of()));
    assertEquals("alerts.smtp.username", e.key());
    assertTrue(e.getMessage().contains("PI_SMTP_PASSWORD"));
  }
}
