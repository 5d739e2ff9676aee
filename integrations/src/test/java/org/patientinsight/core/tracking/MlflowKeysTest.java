package org.patientinsight.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MlflowKeysTest {

  @Test
  void keepsValidKeys() {
    for (String k : new String[] {"rows_read", "drift.psi", "quality/pass ratio", "a-b", "é"}) {
      assertEquals(k, MlflowKeys.sanitize(k));
      assertTrue(MlflowKeys.isValid(k), k);
    }
  }

  @Test
  void replacesForbiddenCharactersAndPathTricks() {
    assertEquals("a_b_c", MlflowKeys.sanitize("a:b?c"));
    assertEquals("__/x", MlflowKeys.sanitize("../x"));
    assertEquals("_/x", MlflowKeys.sanitize("./x"));
    assertEquals("a/b", MlflowKeys.sanitize("/a//b/"));
    assertEquals("_", MlflowKeys.sanitize("///"));
    assertFalse(MlflowKeys.isValid("a\nb"));
  }

  @Test
  void cutsKeysToMlflowsLimit() {
    assertEquals(250, MlflowKeys.sanitize("k".repeat(400)).length());
  }
}
