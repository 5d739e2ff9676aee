package org.patientinsight.core.tracking;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Signs requests to SageMaker managed MLflow with AWS SigV4 (service {@code sagemaker-mlflow})
 * using AWS SDK v2's signer, after adding the {@code x-mlflow-sm-tracking-server-arn} header
 * that tells the service which tracking server is meant (the header is signed too).
 */
final class SigV4RequestAuthorizer implements RequestAuthorizer {
  static final String SERVICE = "sagemaker-mlflow";
  static final String ARN_HEADER = "x-mlflow-sm-tracking-server-arn";

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final SageMakerTrackingServer server;
  private final AwsCredentialsProvider credentials;
  private final Clock clock;

  SigV4RequestAuthorizer(SageMakerTrackingServer server, AwsCredentialsProvider credentials,
      Clock clock) {
    this.server = server;
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public Map<String, String> headers(String method, URI uri, Map<String, String> headers,
      byte[] body) {
    SdkHttpRequest.Builder rb = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
        .uri(uri);
    headers.forEach(rb::putHeader);
    rb.putHeader(ARN_HEADER, server.arn());
    SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
        .request(rb.build())
        .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
        .putProperty(AwsV4HttpSigner.REGION_NAME, server.region())
        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      out.put(h.getKey(), String.join(",", h.getValue()));
    }
    return out;
  }
}
