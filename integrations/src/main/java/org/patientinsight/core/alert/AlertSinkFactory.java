package org.patientinsight.core.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

/**
 * Builds the alert sinks from configuration: the log sink always, then each sink whose main
 * key is set. Secrets come from the environment: the webhook URL (it often embeds a token) may
 * be given as {@value #ENV_WEBHOOK_URL}, the SMTP password only as {@value #ENV_SMTP_PASSWORD};
 * AWS credentials come from the SDK's default chain. Bad values fail fast naming the key.
 */
public final class AlertSinkFactory {
  public static final String ENV_WEBHOOK_URL = "PI_ALERTS_WEBHOOK_URL";
  public static final String ENV_SMTP_PASSWORD = "PI_SMTP_PASSWORD";

  public static final String WEBHOOK_URL = "alerts.webhook.url";
  public static final String TIMEOUT_MS = "alerts.timeout_ms";
  public static final String SNS_TOPIC_ARN = "alerts.sns.topic_arn";
  public static final String SNS_REGION = "alerts.sns.region";
  public static final String SNS_ENDPOINT = "alerts.sns.endpoint";
  public static final String SMTP_HOST = "alerts.smtp.host";
  public static final String SMTP_PORT = "alerts.smtp.port";
  public static final String SMTP_FROM = "alerts.smtp.from";
  public static final String SMTP_TO = "alerts.smtp.to";
  public static final String SMTP_STARTTLS = "alerts.smtp.starttls";
  public static final String SMTP_USERNAME = "alerts.smtp.username";

  private AlertSinkFactory() {
  }

  public static List<AlertSink> sinks(Settings s, Map<String, String> env) {
    Duration timeout = Duration.ofMillis(s.getInt(TIMEOUT_MS, 100, 300_000));
    List<AlertSink> out = new ArrayList<>();
    out.add(new LogAlertSink());

    String webhook = firstNonBlank(env.get(ENV_WEBHOOK_URL), s.getOptional(WEBHOOK_URL));
    if (webhook != null) {
      out.add(new WebhookAlertSink(webhookUri(webhook), timeout));
    }

    String arn = s.getOptional(SNS_TOPIC_ARN);
    if (arn != null) {
      try {
        out.add(SnsAlertSink.create(arn, s.getOptional(SNS_REGION), endpoint(s), null, timeout));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(SNS_TOPIC_ARN, "configuration key '" + SNS_TOPIC_ARN + "': " + e.getMessage());
      }
    }

    String host = s.getOptional(SMTP_HOST);
    if (host != null) {
      SmtpAlertSink.Config smtp = smtpConfig(s, host, timeout);
      try {
        out.add(new SmtpAlertSink(smtp, env.get(ENV_SMTP_PASSWORD)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(SMTP_USERNAME, "configuration key '" + SMTP_USERNAME + "': " + e.getMessage());
      }
    }
    return out;
  }

  static SmtpAlertSink.Config smtpConfig(Settings s, String host, Duration timeout) {
    int port = s.getInt(SMTP_PORT, 1, 65535);
    var from = addresses(s, SMTP_FROM);
    if (from.size() != 1) {
      throw new ConfigException(SMTP_FROM, "configuration key '" + SMTP_FROM + "' must hold exactly one address");
    }
    return new SmtpAlertSink.Config(host, port, from.get(0), addresses(s, SMTP_TO),
        s.getBoolean(SMTP_STARTTLS), s.getOptional(SMTP_USERNAME), timeout);
  }

  private static List<jakarta.mail.internet.InternetAddress> addresses(Settings s, String key) {
    try {
      return SmtpAlertSink.parseAddresses(s.getOptional(key), "configuration key '" + key + "'");
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage() + " (required when " + SMTP_HOST + " is set)");
    }
  }

  private static URI endpoint(Settings s) {
    String e = s.getOptional(SNS_ENDPOINT);
    if (e == null) {
      return null;
    }
    try {
      URI u = new URI(e);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new URISyntaxException(e, "needs scheme and host");
      }
      return u;
    } catch (URISyntaxException ex) {
      throw new ConfigException(SNS_ENDPOINT, "configuration key '" + SNS_ENDPOINT + "' is not a URL: " + ex.getMessage());
    }
  }

  private static URI webhookUri(String url) {
    try {
      return WebhookAlertSink.checkUrl(new URI(url.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // the URL itself is not echoed: it may carry a token
      throw new ConfigException(WEBHOOK_URL, "configuration key '" + WEBHOOK_URL + "' (or env " + ENV_WEBHOOK_URL
          + ") must be an absolute http(s) URL");
    }
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b == null || b.isBlank() ? null : b.trim();
  }
}
