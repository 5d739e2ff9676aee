package org.patientinsight.core.alert;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes alerts to an Amazon SNS topic (e-mail, SMS, Lambda, chat subscribers fan out from
 * there). Credentials come from the SDK's default chain (environment, profile, the pod's
 * service account), never from our configuration.
 */
public final class SnsAlertSink implements AlertSink, AutoCloseable {
  /** SNS limits the subject to 100 printable ASCII characters. */
  static final int MAX_SUBJECT = 100;
  private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:sns:([a-z0-9-]+):\\d{12}:[A-Za-z0-9_.-]+");

  private final SnsClient client;
  private final String topicArn;

  public SnsAlertSink(SnsClient client, String topicArn) {
    this.client = Objects.requireNonNull(client, "sns client");
    this.topicArn = checkArn(topicArn);
  }

  /**
   * @param region AWS region, or null/blank to take it from the topic ARN
   * @param endpointOverride null for AWS; a URL for tests or an SNS-compatible endpoint
   */
  public static SnsAlertSink create(String topicArn, String region, URI endpointOverride,
      AwsCredentialsProvider credentials, Duration timeout) {
    String arn = checkArn(topicArn);
    String r = region == null || region.isBlank() ? regionOf(arn) : region.trim();
    SnsClientBuilder b = SnsClient.builder()
        .region(Region.of(r))
        .credentialsProvider(credentials == null ? DefaultCredentialsProvider.builder().build() : credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout));
    if (endpointOverride != null) {
      b.endpointOverride(endpointOverride);
    }
    return new SnsAlertSink(b.build(), arn);
  }

  static String checkArn(String arn) {
    if (arn == null || !TOPIC_ARN.matcher(arn.trim()).matches()) {
      throw new IllegalArgumentException("SNS topic ARN must look like arn:aws:sns:<region>:<account>:<topic>, got '"
          + arn + "'");
    }
    return arn.trim();
  }

  static String regionOf(String arn) {
    Matcher m = TOPIC_ARN.matcher(arn);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an SNS topic ARN: " + arn);
    }
    return m.group(1);
  }

  @Override
  public String name() {
    return "sns";
  }

  @Override
  public void send(Alert alert) {
    try {
      client.publish(PublishRequest.builder()
          .topicArn(topicArn)
          .subject(subject(alert))
          .message(AlertText.body(alert))
          .build());
    } catch (SdkException e) {
      throw new AlertDeliveryException("SNS publish to " + topicArn + " failed: " + e.getMessage(), e);
    }
  }

  /** SNS subjects: ASCII, no line breaks, at most 100 characters. */
  static String subject(Alert alert) {
    String s = AlertText.subject(alert).replaceAll("[^\\x20-\\x7E]", "?");
    return s.length() <= MAX_SUBJECT ? s : s.substring(0, MAX_SUBJECT - 3) + "...";
  }

  @Override
  public void close() {
    client.close();
  }
}
