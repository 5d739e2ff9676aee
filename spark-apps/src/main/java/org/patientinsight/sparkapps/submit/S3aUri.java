package org.patientinsight.sparkapps.submit;

/** An {@code s3a://bucket/key} location, checked so a bad value fails before anything reaches the cluster. */
public record S3aUri(String bucket, String key) {
  private static final String SCHEME = "s3a://";

  public S3aUri {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must not be empty");
    }
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("object key must not be empty");
    }
  }

  /**
   * Parses {@code value}; {@code field} names the option or setting in the error message.
   *
   * @throws IllegalArgumentException naming the field when the value is not an s3a URI with bucket and key
   */
  public static S3aUri parse(String field, String value) {
    if (value == null || !value.startsWith(SCHEME)) {
      throw new IllegalArgumentException(field + " must be an s3a:// URI (s3a://bucket/key), got: " + value);
    }
    String rest = value.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException(field + " must name a bucket and a key (s3a://bucket/key), got: " + value);
    }
    return new S3aUri(rest.substring(0, slash), rest.substring(slash + 1));
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }
}
