package org.patientinsight.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.patientinsight.jobs.run.JobFailure;

class UriCredentialsTest {

  @Test
  void s3CredentialsBecomeTheBucketsKeysAndLeaveTheUri() {
    UriCredentials c = UriCredentials.of("s3a://AKIAEXAMPLE:wJalr%2FK+EY@raw-bucket/drops/2026/*.csv");
    assertEquals("s3a://raw-bucket/drops/2026/*.csv", c.uri());
    assertEquals(Map.of(
        "fs.s3a.bucket.raw-bucket.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        "fs.s3a.bucket.raw-bucket.access.key", "AKIAEXAMPLE",
        "fs.s3a.bucket.raw-bucket.secret.key", "wJalr/K+EY"), c.hadoopConf());
    Configuration conf = new Configuration(false);
    c.applyTo(conf);
    assertEquals("wJalr/K+EY", conf.get("fs.s3a.bucket.raw-bucket.secret.key"));
    assertFalse(c.toString().contains("wJalr"), "toString never shows a key");
  }

  @Test
  void uriWithoutCredentialsIsKept() {
    for (String u : new String[] {"s3a://lake/raw/x.csv", "/data/raw/", "file:///data/raw", "s3a://lake"}) {
      UriCredentials c = UriCredentials.of(u);
      assertEquals(u, c.uri());
      assertTrue(c.hadoopConf().isEmpty());
    }
    // an @ in the path is not a credential
    assertEquals("s3a://lake/raw/a@b.csv", UriCredentials.of("s3a://lake/raw/a@b.csv").uri());
  }

  @Test
  void otherCredentialsAreRefusedRedacted() {
    JobFailure f = assertThrows(JobFailure.class, () -> UriCredentials.of("hdfs://user:hunter2@nn:8020/raw"));
    assertFalse(f.getMessage().contains("hunter2"), f.getMessage());
    assertTrue(f.getMessage().endsWith("hdfs://***@nn:8020/raw"), f.getMessage());
    assertThrows(JobFailure.class, () -> UriCredentials.of("s3a://only-a-key@raw/x.csv"));
  }
}
