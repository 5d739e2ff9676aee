package org.patientinsight.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocationsTest {

  @Test
  void localPathsBecomeAbsoluteAndNormalised() {
    String cwd = Path.of("").toAbsolutePath().toString();
    assertEquals(cwd + "/warehouse", Locations.absolute("./warehouse"));
    assertEquals(cwd + "/warehouse", Locations.absolute("a/../warehouse/"));
    assertEquals("/data/wh", Locations.absolute("file:///data/wh/"));
    assertEquals("/tmp/x", Locations.absolute("/tmp//x"));
  }

  @Test
  void uriLocationsKeepTheirSpellingWithoutTrailingSlashes() {
    assertEquals("s3a://lake/warehouse", Locations.absolute("s3a://lake/warehouse//"));
    assertEquals("s3a://lake", Locations.absolute("s3a://lake/"));
    assertTrue(Locations.hasScheme("s3a://b/k"));
  }

  @Test
  void trailingSlashesGoButARootKeepsItsOwn() {
    assertEquals("http://h:5000", Locations.withoutTrailingSlashes("http://h:5000//"));
    assertEquals("a/b", Locations.withoutTrailingSlashes("a/b/"));
    assertEquals("/", Locations.withoutTrailingSlashes("///"));
    assertEquals("s3a://", Locations.withoutTrailingSlashes("s3a:///"));
    assertEquals("file:/", Locations.withoutTrailingSlashes("file:/"));
    assertEquals("", Locations.withoutTrailingSlashes(""));
    assertFalse(Locations.hasScheme("relative/dir:with-colon"));
  }
}
