package org.patientinsight.core.alert;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends each alert as a plain-text e-mail over SMTP (what the seed system used). With
 * {@code starttls} on, STARTTLS is <em>required</em>: the server must offer it, or the send fails
 * rather than pass the password in clear text. The password comes from the environment.
 */
public final class SmtpAlertSink implements AlertSink {

  /** Everything needed to reach the mail server; {@code username} null means no AUTH. */
  public record Config(String host, int port, InternetAddress from, List<InternetAddress> to,
      boolean starttls, String username, Duration timeout) {
    public Config {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("SMTP host must not be blank");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("SMTP port must be in 1..65535, got " + port);
      }
      Objects.requireNonNull(from, "SMTP from address");
      if (to == null || to.isEmpty()) {
        throw new IllegalArgumentException("SMTP needs at least one 'to' address");
      }
      to = List.copyOf(to);
      username = username == null || username.isBlank() ? null : username;
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  private final Config config;
  private final String password;
  private final Session session;

  /** @param password SMTP password (from env PI_SMTP_PASSWORD), null when no AUTH */
  public SmtpAlertSink(Config config, String password) {
    this.config = Objects.requireNonNull(config, "config");
    this.password = password;
    if (config.username() != null && (password == null || password.isEmpty())) {
      throw new IllegalArgumentException("SMTP username is set but the password is missing (env PI_SMTP_PASSWORD)");
    }
    this.session = Session.getInstance(properties(config));
  }

  static Properties properties(Config c) {
    Properties p = new Properties();
    String ms = Long.toString(c.timeout().toMillis());
    p.put("mail.smtp.host", c.host());
    p.put("mail.smtp.port", Integer.toString(c.port()));
    p.put("mail.smtp.auth", Boolean.toString(c.username() != null));
    p.put("mail.smtp.starttls.enable", Boolean.toString(c.starttls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(c.starttls()));
    p.put("mail.smtp.connectiontimeout", ms);
    p.put("mail.smtp.timeout", ms);
    p.put("mail.smtp.writetimeout", ms);
    return p;
  }

  /** Parses a comma-separated address list, naming the bad entry on error. */
  public static List<InternetAddress> parseAddresses(String list, String what) {
    if (list == null || list.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    try {
      return List.of(InternetAddress.parse(list, true));
    } catch (AddressException e) {
      throw new IllegalArgumentException(what + " has an invalid address: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public void send(Alert alert) {
    try {
      MimeMessage msg = new MimeMessage(session);
      msg.setFrom(config.from());
      msg.setRecipients(Message.RecipientType.TO, config.to().toArray(new InternetAddress[0]));
      msg.setSubject(AlertText.subject(alert), StandardCharsets.UTF_8.name());
      msg.setSentDate(new Date(alert.timestamp().toEpochMilli()));
      msg.setHeader("X-PatientInsight-Alert-Kind", alert.kind());
      msg.setText(AlertText.body(alert), StandardCharsets.UTF_8.name());
      if (config.username() != null) {
        Transport.send(msg, config.username(), password);
      } else {
        Transport.send(msg);
      }
    } catch (MessagingException e) {
      throw new AlertDeliveryException("SMTP send via " + config.host() + ":" + config.port() + " failed: "
          + e.getMessage(), e);
    }
  }
}
