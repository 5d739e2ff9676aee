package org.patientinsight.serving.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * One JSON object per analysis under an S3 prefix ({@code s3://bucket/prefix/<id>.json}), for
 * pods without a persistent volume. S3 PUTs replace objects whole, so readers never see half
 * an analysis.
 */
public final class S3AnalysisRepository implements AnalysisRepository {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /** @param prefix key prefix, "" or ending in "/" */
  public S3AnalysisRepository(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
  }

  @Override
  public void save(StoredAnalysis a) {
    if (!FileAnalysisRepository.isValidId(a.id())) {
      throw new IllegalArgumentException("analysis id must be a lower-case UUID");
    }
    try {
      s3.putObject(b -> b.bucket(bucket).key(key(a.id())).contentType("application/json"),
          RequestBody.fromBytes(JSON.writeValueAsBytes(a)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise analysis " + a.id(), e);
    }
  }

  @Override
  public Optional<StoredAnalysis> find(String id) {
    if (!FileAnalysisRepository.isValidId(id)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(id))).asByteArray();
      return Optional.of(JSON.readValue(bytes, StoredAnalysis.class));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read analysis " + id, e);
    }
  }

  private String key(String id) {
    return prefix + id + ".json";
  }
}
