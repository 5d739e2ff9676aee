package org.patientinsight.serving.analysis;

import java.net.URI;
import java.nio.file.Path;
import org.patientinsight.core.config.ConfigException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Picks where analyses are kept from {@code serving.analyses_dir}: a directory or s3://bucket/prefix. */
public final class AnalysisStores {
  private AnalysisStores() {}

  /**
   * @param location a path, or s3://bucket[/prefix]
   * @param s3Endpoint null for AWS itself; an S3-compatible endpoint otherwise (path-style)
   */
  public static AnalysisRepository open(String location, String s3Region, String s3Endpoint) {
    if (!location.startsWith("s3://")) {
      return new FileAnalysisRepository(Path.of(location));
    }
    URI uri = URI.create(location);
    String bucket = uri.getHost();
    if (bucket == null || bucket.isEmpty()) {
      throw new ConfigException("serving.analyses_dir",
          "serving.analyses_dir must look like s3://bucket/prefix, got '" + location + "'");
    }
    String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    var b = S3Client.builder().region(Region.of(s3Region));
    if (s3Endpoint != null) {
      // S3-compatible stores often lack the SDK's default trailing (aws-chunked) checksums
      b.endpointOverride(URI.create(s3Endpoint)).forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return new S3AnalysisRepository(b.build(), bucket, prefix);
  }
}
