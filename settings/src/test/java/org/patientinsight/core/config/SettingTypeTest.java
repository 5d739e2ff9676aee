package org.patientinsight.core.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettingTypeTest {

  private static String refusal(SettingType type, String key, String value, String origin) {
    return assertThrows(ConfigException.class, () -> type.check(key, value, origin)).getMessage();
  }

  @Test
  void closedRangeAcceptsItsEndsAndRefusesOutside() {
    SettingType share = SettingType.parse("double [0,1]");
    assertDoesNotThrow(() -> share.check("k", "0", null));
    assertDoesNotThrow(() -> share.check("k", "1.0", null));
    assertEquals("configuration key 'quality.min_age_completeness' must be a number in [0, 1], got '2' (from override)",
        refusal(share, "quality.min_age_completeness", "2", "override"));
    assertTrue(refusal(share, "k", "abc", null).contains("got 'abc'"));
    refusal(share, "k", "NaN", null);
    refusal(share, "k", "", null);
  }

  @Test
  void openBoundsAreExclusiveAndMissingBoundsUnlimited() {
    SettingType rate = SettingType.parse("double (1,1000]");
    assertTrue(refusal(rate, "k", "1", null).contains("a number in (1, 1000]"));
    assertDoesNotThrow(() -> rate.check("k", "1.0001", null));
    SettingType atLeastOne = SettingType.parse("int [1,)");
    assertEquals("an integer >= 1", atLeastOne.expected());
    assertDoesNotThrow(() -> atLeastOne.check("k", "2147483647", null));
    refusal(atLeastOne, "k", "0", null);
    refusal(atLeastOne, "k", "2147483648", null);
    assertTrue(refusal(atLeastOne, "k", "1.5", null).contains("an integer"));
  }

  @Test
  void optionalKindsAcceptEmpty() {
    assertDoesNotThrow(() -> SettingType.parse("double? [0,)").check("k", "", null));
    assertTrue(refusal(SettingType.parse("double? [0,)"), "k", "-1", null).contains("a number >= 0 (or empty)"));
    assertDoesNotThrow(() -> SettingType.parse("text").check("k", "", null));
  }

  @Test
  void choicesAndBooleansIgnoreCase() {
    SettingType store = SettingType.parse("choice local|pinecone|none");
    assertDoesNotThrow(() -> store.check("k", "Pinecone", null));
    assertEquals("configuration key 'vector.store' must be one of local, pinecone, none, got 'pincone' (from file x.yaml)",
        refusal(store, "vector.store", "pincone", "file x.yaml"));
    SettingType flag = SettingType.parse("bool");
    assertDoesNotThrow(() -> flag.check("k", "OFF", null));
    assertTrue(refusal(flag, "k", "maybe", null).contains("true or false"));
  }

  @Test
  void malformedDeclarationsAreRefused() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SettingType.parse("integer"))
        .getMessage().contains("unknown setting type"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SettingType.parse("int 1..5"))
        .getMessage().contains("bounds"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SettingType.parse("choice "))
        .getMessage().contains("choice needs words"));
  }
}
