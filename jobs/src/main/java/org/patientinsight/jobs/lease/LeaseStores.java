package org.patientinsight.jobs.lease;

import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.patientinsight.core.config.WarehouseLayout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Opens the lease store of a warehouse: a local folder, or S3 for {@code s3a://} (and
 * {@code s3://}) warehouses. On S3 the client follows the run's S3A settings — endpoint,
 * region, path-style access, keys when given, else the usual AWS chain — so the lease lives on
 * the same server as the tables. Any other file system is refused: it offers no atomic create
 * we could rely on.
 */
public final class LeaseStores {
  private LeaseStores() {}

  public static LeaseStore open(WarehouseLayout layout, Configuration hadoopConf) {
    if (layout.isLocal()) {
      return new LocalLeaseStore(layout.localPath(layout.lease()).toAbsolutePath());
    }
    URI uri = URI.create(layout.lease());
    String scheme = uri.getScheme();
    if ("s3a".equals(scheme) || "s3".equals(scheme)) {
      String bucket = uri.getHost();
      String prefix = uri.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
      return new S3LeaseStore(client(bucket, hadoopConf), bucket, prefix);
    }
    throw new IllegalArgumentException("the warehouse " + layout.root() + " is on '" + scheme
        + ":', where one writer at a time cannot be guaranteed; use a local path or s3a://");
  }

  private static S3Client client(String bucket, Configuration conf) {
    S3ClientBuilder b = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    String endpoint = s3a(conf, bucket, "endpoint");
    if (endpoint != null && !endpoint.isBlank()) {
      boolean ssl = Boolean.parseBoolean(firstNonNull(s3a(conf, bucket, "connection.ssl.enabled"), "true"));
      b.endpointOverride(URI.create(endpoint.contains("://") ? endpoint : (ssl ? "https://" : "http://") + endpoint));
    }
    String region = s3a(conf, bucket, "endpoint.region");
    b.region(Region.of(region != null && !region.isBlank() ? region
        : firstNonNull(System.getenv("AWS_REGION"), "us-east-1")));
    b.forcePathStyle(Boolean.parseBoolean(firstNonNull(s3a(conf, bucket, "path.style.access"), "false")));
    b.credentialsProvider(credentials(conf, bucket));
    return b.build();
  }

  private static AwsCredentialsProvider credentials(Configuration conf, String bucket) {
    String key = s3a(conf, bucket, "access.key");
    String secret = s3a(conf, bucket, "secret.key");
    if (key == null || key.isBlank() || secret == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    String token = s3a(conf, bucket, "session.token");
    return StaticCredentialsProvider.create(token == null || token.isBlank()
        ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token));
  }

  /** An S3A setting, the per-bucket one ({@code fs.s3a.bucket.<b>.<key>}) first. */
  private static String s3a(Configuration conf, String bucket, String key) {
    String perBucket = conf.getTrimmed("fs.s3a.bucket." + bucket + "." + key);
    return perBucket != null ? perBucket : conf.getTrimmed("fs.s3a." + key);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
