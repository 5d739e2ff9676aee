package org.patientinsight.quality.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.patientinsight.quality.CaseBatches;

class CaseProfilerTest {
  @Test
  void profilesAtomicColumnsWithNumericStatsAndSmallHistograms() {
    List<ColumnProfile> profiles = CaseProfiler.profile(CaseBatches.batch(40, c -> {
      if (c.uid.startsWith("7000001")) {
        c.age = null;
      }
      return c;
    }));
    Map<String, ColumnProfile> byName = profiles.stream()
        .collect(Collectors.toMap(ColumnProfile::column, Function.identity()));

    assertTrue(!byName.containsKey("note"), "the note text is not profiled");
    assertTrue(!byName.containsKey("relevant_articles"), "maps are not profiled");
    ColumnProfile age = byName.get("age_years");
    assertEquals(39.0 / 40, age.completeness(), 1e-9);
    assertEquals(1.0, age.minimum());
    assertTrue(age.maximum() <= 90.0 && age.mean() > 1.0);
    ColumnProfile gender = byName.get("gender");
    assertEquals(Map.of("F", 20L, "M", 20L), gender.histogram());
    assertNull(gender.mean());
    assertEquals(40, byName.get("patient_uid").approxDistinct(), 2);
    assertNull(byName.get("pmid").mean(), "digits in a string column are not a quantity");
    assertEquals(1.0, byName.get("note_chars").completeness());
    assertTrue(byName.get("note_chars").minimum() > 100);
  }
}
