package org.patientinsight.sparkapps.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApplicationNamesTest {
  @Test
  void deterministicAndDns1035() {
    String a = ApplicationNames.forS3Object("b", "raw/x y.csv", "etag", "v1");
    assertEquals(a, ApplicationNames.forS3Object("b", "raw/x y.csv", "etag", "v1"));
    assertTrue(ApplicationNames.isValid(a), a);
    assertTrue(a.length() <= 63);
    String p = ApplicationNames.forPipelineRun("s3a://b/raw/", "run-1");
    assertEquals(p, ApplicationNames.forPipelineRun("s3a://b/raw/", "run-1"));
    assertTrue(ApplicationNames.isValid(p), p);
  }

  @Test
  void everyIdentifyingPartChangesTheName() {
    String base = ApplicationNames.forS3Object("b", "k", "e", "v");
    assertNotEquals(base, ApplicationNames.forS3Object("b2", "k", "e", "v"));
    assertNotEquals(base, ApplicationNames.forS3Object("b", "k2", "e", "v"));
    assertNotEquals(base, ApplicationNames.forS3Object("b", "k", "e2", "v"));
    assertNotEquals(base, ApplicationNames.forS3Object("b", "k", "e", "v2"));
    assertNotEquals(ApplicationNames.forS3Object("ab", "c", "", ""), ApplicationNames.forS3Object("a", "bc", "", ""));
    assertEquals(ApplicationNames.forS3Object("b", "k", null, null), ApplicationNames.forS3Object("b", "k", "", ""));
    assertNotEquals(ApplicationNames.forPipelineRun("s3a://b/k", "r1"), ApplicationNames.forPipelineRun("s3a://b/k", "r2"));
  }

  @Test
  void validity() {
    assertFalse(ApplicationNames.isValid("1abc"));
    assertFalse(ApplicationNames.isValid("Abc"));
    assertFalse(ApplicationNames.isValid("abc-"));
    assertFalse(ApplicationNames.isValid("a".repeat(64)));
    assertTrue(ApplicationNames.isValid("a-b-1"));
  }
}
