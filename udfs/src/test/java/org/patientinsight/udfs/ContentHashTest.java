package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentHashTest {

  @Test
  void isStableLowercaseHexSha256() {
    String h = ContentHash.sha256("a", "b");
    assertEquals(h, ContentHash.sha256("a", "b"));
    assertEquals(64, h.length());
    assertTrue(h.matches("[0-9a-f]{64}"));
  }

  @Test
  void fieldBoundariesMatter() {
    assertNotEquals(ContentHash.sha256("ab", "c"), ContentHash.sha256("a", "bc"));
    assertNotEquals(ContentHash.sha256("a|b"), ContentHash.sha256("a", "b"));
    assertNotEquals(ContentHash.sha256("a", ""), ContentHash.sha256("a"));
  }

  @Test
  void nullDiffersFromEmpty() {
    assertNotEquals(ContentHash.sha256((String) null), ContentHash.sha256(""));
    assertNotEquals(ContentHash.sha256("x", null), ContentHash.sha256("x", ""));
    assertNotEquals(ContentHash.sha256(), ContentHash.sha256((String[]) null));
  }

  @Test
  void anyCharacterChangeChangesTheHash() {
    assertNotEquals(ContentHash.sha256("39 °C"), ContentHash.sha256("39 °F"));
    assertNotEquals(ContentHash.sha256("é"), ContentHash.sha256("e\u0301"));
  }
}
