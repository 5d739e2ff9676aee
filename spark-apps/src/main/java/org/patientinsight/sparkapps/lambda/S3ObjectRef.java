package org.patientinsight.sparkapps.lambda;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.patientinsight.sparkapps.submit.S3aUri;

/** One object version named by an S3 notification, with its key URL-decoded. */
public record S3ObjectRef(String bucket, String key, String eTag, String versionId) {

  public static S3ObjectRef from(S3EventNotificationRecord record) {
    var s3 = record.getS3();
    if (s3 == null || s3.getBucket() == null || s3.getObject() == null) {
      throw new IllegalArgumentException("S3 event record without s3.bucket/s3.object");
    }
    return new S3ObjectRef(s3.getBucket().getName(), decodeKey(s3.getObject().getKey()),
        s3.getObject().geteTag(), s3.getObject().getVersionId());
  }

  /** S3 notifications carry keys form-encoded: '+' for space, %XX for the rest. */
  public static String decodeKey(String rawKey) {
    return URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
  }

  public S3aUri toS3a() {
    return new S3aUri(bucket, key);
  }
}
