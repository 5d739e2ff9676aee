package org.patientinsight.sparkapps.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RawObjectFilterTest {
  private final RawObjectFilter filter = new RawObjectFilter("raw/", List.of(".csv", ".json", ".jsonl"));

  @Test
  void acceptsCreatedRawFilesWithKnownSuffixes() {
    assertTrue(filter.accepts("ObjectCreated:Put", "raw/2024/a.csv"));
    assertTrue(filter.accepts("ObjectCreated:CompleteMultipartUpload", "raw/b.jsonl"));
    assertTrue(filter.accepts("ObjectCreated:Copy", "raw/c.json"));
  }

  @Test
  void rejectsOtherEventsPrefixesSuffixesAndFolders() {
    assertFalse(filter.accepts("ObjectRemoved:Delete", "raw/a.csv"));
    assertFalse(filter.accepts("ObjectCreated:Put", "exports/a.csv"));
    assertFalse(filter.accepts("ObjectCreated:Put", "raw/a.parquet"));
    assertFalse(filter.accepts("ObjectCreated:Put", "raw/a.csv.tmp"));
    assertFalse(filter.accepts("ObjectCreated:Put", "raw/folder.csv/"));
    assertFalse(filter.accepts(null, "raw/a.csv"));
  }

  @Test
  void keysAreFormDecoded() {
    assertEquals("raw/cases batch (1).csv", S3ObjectRef.decodeKey("raw/cases+batch+%281%29.csv"));
    assertEquals("raw/a+b.csv", S3ObjectRef.decodeKey("raw/a%2Bb.csv"));
    assertEquals("raw/ünïcode.json", S3ObjectRef.decodeKey("raw/%C3%BCn%C3%AFcode.json"));
  }
}
