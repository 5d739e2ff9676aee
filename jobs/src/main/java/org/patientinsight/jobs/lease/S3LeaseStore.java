package org.patientinsight.jobs.lease;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lease on S3. A generation is created with a conditional PUT, {@code If-None-Match: *}:
 * S3 stores the object only if the key does not exist yet and answers 412 otherwise (409 when
 * a concurrent conditional write to the key is in flight), so exactly one creator wins; a 412
 * on a retried PUT whose first attempt was stored still counts as our win. Listing
 * is strongly consistent on S3, which the "newest generation" rule needs.
 */
final class S3LeaseStore implements LeaseStore {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /** {@code prefix} is the lease folder's key, without a trailing slash. */
  S3LeaseStore(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix.isEmpty() ? "" : prefix + "/";
  }

  @Override
  public List<Long> generations() throws IOException {
    List<Long> out = new ArrayList<>();
    try {
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        long g = LeaseStore.generationOf(o.key().substring(prefix.length()));
        if (g >= 0) {
          out.add(g);
        }
      }
    } catch (S3Exception e) {
      throw io("list", e);
    }
    out.sort(Long::compare);
    return out;
  }

  @Override
  public Optional<byte[]> read(long generation) throws IOException {
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(generation))).asByteArray());
    } catch (NoSuchKeyException gone) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw io("read", e);
    }
  }

  @Override
  public boolean create(long generation, byte[] content) throws IOException {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key(generation)).ifNoneMatch("*").contentType("application/json"),
          RequestBody.fromBytes(content));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        // The key exists. It may be ours: the SDK retries a PUT whose first attempt was stored
        // but whose answer was lost, and the retry is refused. The content carries our token
        // and heartbeat time, so equal bytes mean this call created it.
        return read(generation).map(stored -> Arrays.equals(stored, content)).orElse(false);
      }
      if (e.statusCode() == 409) {
        return false; // another conditional write to the key is in flight and wins
      }
      throw io("create", e);
    }
  }

  @Override
  public void delete(long generation) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key(generation)));
    } catch (S3Exception e) {
      throw io("delete", e);
    }
  }

  @Override
  public String location() {
    return "s3a://" + bucket + "/" + prefix.replaceAll("/$", "");
  }

  private String key(long generation) {
    return prefix + LeaseStore.fileName(generation);
  }

  private IOException io(String what, S3Exception e) {
    return new IOException("could not " + what + " the warehouse lease at " + location() + ": HTTP "
        + e.statusCode() + " " + e.awsErrorDetails().errorCode(), e);
  }
}
