package org.patientinsight.jobs.spark;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.patientinsight.core.config.Redaction;
import org.patientinsight.jobs.run.JobFailure;

/**
 * An input URI typed with credentials in it ({@code s3a://KEY:SECRET@bucket/drops/}). Hadoop 3.3
 * refuses such URIs, and the URI would carry the secret into every listing, lineage event and
 * log line. So the credentials are taken out once, here: they become that bucket's S3A keys
 * ({@code fs.s3a.bucket.<bucket>.*}, for this session only) and the job sees the URI without
 * them. Any other scheme with credentials is refused with the URI redacted.
 *
 * @param uri the URI without its credentials (unchanged when it had none)
 * @param hadoopConf the per-bucket settings that carry them (empty when none)
 */
public record UriCredentials(String uri, Map<String, String> hadoopConf) {
  private static final Set<String> S3_SCHEMES = Set.of("s3a", "s3", "s3n");

  public static UriCredentials of(String given) {
    int sep = given.indexOf("://");
    if (sep < 0) {
      return new UriCredentials(given, Map.of());
    }
    int authorityStart = sep + 3;
    int slash = given.indexOf('/', authorityStart);
    int authorityEnd = slash < 0 ? given.length() : slash;
    int at = given.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) {
      return new UriCredentials(given, Map.of());
    }
    String scheme = given.substring(0, sep).toLowerCase(Locale.ROOT);
    String userInfo = given.substring(authorityStart, at);
    String bucket = given.substring(at + 1, authorityEnd);
    int colon = userInfo.indexOf(':');
    if (!S3_SCHEMES.contains(scheme) || colon <= 0 || colon == userInfo.length() - 1 || bucket.isEmpty()) {
      throw new JobFailure("credentials in the input URI are supported only as s3a://ACCESS_KEY:SECRET_KEY@bucket/…"
          + " (better: the AWS credential chain): " + Redaction.text(given));
    }
    String prefix = "fs.s3a.bucket." + bucket + ".";
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(prefix + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.put(prefix + "access.key", decode(userInfo.substring(0, colon)));
    conf.put(prefix + "secret.key", decode(userInfo.substring(colon + 1)));
    return new UriCredentials(given.substring(0, authorityStart) + given.substring(at + 1), conf);
  }

  /** Sets the bucket's keys on a Hadoop configuration (the session's, before the input is listed). */
  public void applyTo(Configuration conf) {
    hadoopConf.forEach(conf::set);
  }

  /** Percent-escapes as in any URI ({@code %2F} for a / in a secret key); a + stays a +. */
  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "UriCredentials[" + uri + ", " + hadoopConf.keySet() + "]"; // never the keys' values
  }
}
