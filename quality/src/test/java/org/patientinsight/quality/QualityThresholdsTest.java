package org.patientinsight.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

class QualityThresholdsTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    QualityThresholds t = QualityThresholds.defaults();
    assertEquals(50, t.minNoteChars());
    assertEquals(0.90, t.minAgeCompleteness());
    assertEquals(0.90, t.minGenderCompleteness());
    assertEquals(2.0, t.batchSizeMaxRate());
    assertEquals(0.10, t.completenessMaxChange());
    assertEquals(CheckLevel.WARNING, t.anomalyLevel());
  }

  @Test
  void overridesApply() {
    QualityThresholds t = QualityThresholds.from(Settings.defaults().with(Map.of(
        "quality.min_age_completeness", "0.5", "quality.anomaly.level", "ERROR")));
    assertEquals(0.5, t.minAgeCompleteness());
    assertEquals(CheckLevel.ERROR, t.anomalyLevel());
  }

  @Test
  void theNoteLengthCheckFollowsTheOneNoteLengthRule() {
    // ingest quarantines below ingest.min_note_chars; the gate demands the same of every note
    assertEquals(80, QualityThresholds.from(Settings.defaults().with(Map.of(
        "ingest.min_note_chars", "80"))).minNoteChars());
  }

  @Test
  void badValuesFailNamingTheKey() {
    for (Map.Entry<String, String> bad : Map.of(
        "quality.min_age_completeness", "1.5",
        "quality.min_gender_completeness", "lots",
        "ingest.min_note_chars", "-3",
        "quality.anomaly.level", "panic",
        "quality.anomaly.batch_size_max_rate", "1.0").entrySet()) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> QualityThresholds.from(Settings.defaults().with(Map.of(bad.getKey(),
              bad.getValue()))), bad.toString());
      assertEquals(bad.getKey(), e.key());
      assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
    }
  }
}
