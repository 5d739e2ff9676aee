package org.patientinsight.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

class NoteLengthRuleTest {
  @Test
  void theShippedDefaultIsFiftyCharacters() {
    assertEquals(50, NoteLengthRule.from(Settings.defaults()).minChars());
  }

  @Test
  void acceptsNotesOfAtLeastTheMinimum() {
    NoteLengthRule rule = new NoteLengthRule(20);
    assertFalse(rule.accepts(19));
    assertTrue(rule.accepts(20));
  }

  @Test
  void readsTheOneSettingAndRefusesValuesBelowOne() {
    assertEquals(80, NoteLengthRule.from(Settings.defaults().with(Map.of(NoteLengthRule.SETTING, "80"))).minChars());
    ConfigException e = assertThrows(ConfigException.class,
        () -> NoteLengthRule.from(Settings.defaults().with(Map.of(NoteLengthRule.SETTING, "0"))));
    assertEquals(NoteLengthRule.SETTING, e.key());
    assertThrows(IllegalArgumentException.class, () -> new NoteLengthRule(0));
  }
}
