package org.patientinsight.sparkapps.lambda;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * An EKS bearer token, made the way {@code aws eks get-token} makes it: an STS GetCallerIdentity
 * request presigned with SigV4 (query-string auth), whose signed headers include
 * {@code x-k8s-aws-id: <cluster>}, base64url-encoded behind {@code k8s-aws-v1.}. The API server
 * replays the URL against STS to learn the caller's IAM identity; no call to STS happens here.
 */
public final class EksTokenGenerator {
  public static final String TOKEN_PREFIX = "k8s-aws-v1.";
  public static final String CLUSTER_ID_HEADER = "x-k8s-aws-id";
  /** STS accepts at most 60 s for this presigned request (EKS then honours the token for 15 minutes). */
  static final Duration PRESIGN_EXPIRY = Duration.ofSeconds(60);

  private final String clusterName;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  public EksTokenGenerator(String clusterName, String region, AwsCredentialsProvider credentials, Clock clock) {
    this.clusterName = clusterName;
    this.region = region;
    this.credentials = credentials;
    this.clock = clock;
  }

  public String token() {
    SdkHttpRequest request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.GET)
        .uri(URI.create("https://sts." + region + ".amazonaws.com/"))
        .appendRawQueryParameter("Action", "GetCallerIdentity")
        .appendRawQueryParameter("Version", "2011-06-15")
        .putHeader(CLUSTER_ID_HEADER, clusterName)
        .build();
    SignedRequest signed = signer.sign(r -> r
        .identity(credentials.resolveCredentials())
        .request(request)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, PRESIGN_EXPIRY)
        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    String url = signed.request().getUri().toString();
    return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
  }
}
