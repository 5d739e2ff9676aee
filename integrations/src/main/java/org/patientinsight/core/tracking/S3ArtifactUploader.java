package org.patientinsight.core.tracking;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Uploads to a run's S3 artifact location ({@code s3://bucket/prefix/<exp>/<run>/artifacts}),
 * which is where SageMaker managed MLflow keeps artifacts: key = prefix + "/" + file name.
 */
final class S3ArtifactUploader implements ArtifactUploader {
  static final String SCHEME = "s3";
  private final S3Client s3;

  S3ArtifactUploader(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * @param endpointOverride null for AWS; else an S3-compatible endpoint (path-style access),
   *     e.g. MinIO or a test server
   */
  static S3ArtifactUploader create(String region, AwsCredentialsProvider credentials,
      URI endpointOverride) {
    // plain single-part PUTs (no aws-chunked bodies, no optional checksums): reports are small
    // and S3-compatible stores accept these everywhere
    var builder = S3Client.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .serviceConfiguration(S3Configuration.builder()
            .chunkedEncodingEnabled(false)
            .pathStyleAccessEnabled(endpointOverride != null)
            .build());
    if (endpointOverride != null) {
      builder.endpointOverride(endpointOverride);
    }
    return new S3ArtifactUploader(builder.build());
  }

  @Override
  public void upload(MlflowRestApi.CreatedRun run, Path file) throws IOException {
    URI uri = URI.create(run.artifactUri());
    String bucket = uri.getHost();
    if (bucket == null || bucket.isEmpty()) {
      throw new IOException("run artifact URI has no bucket: " + run.artifactUri());
    }
    String prefix = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    String key = (prefix.isEmpty() ? "" : prefix + "/") + file.getFileName();
    try {
      s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key)
          .contentType(ContentTypes.of(file)).build(), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new IOException("S3 PutObject s3://" + bucket + "/" + key + " failed: "
          + e.getMessage(), e);
    }
  }
}
