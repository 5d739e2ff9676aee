package org.patientinsight.quality.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.quality.CaseBatches;
import org.patientinsight.quality.CaseBatches.Case;

class ReportStatsCollectorTest {
  @Test
  void aggregatesBinsSplitsSourcesAndCompleteness() {
    List<Case> cases = CaseBatches.cleanCases(6);
    double[] ages = {0.5, 4.99, 5.0, 120.0, 130.0, 0};
    for (int i = 0; i < ages.length; i++) {
      cases.get(i).age = ages[i];
    }
    cases.get(5).age = null;
    cases.get(5).ageSource = "none";
    cases.get(4).gender = null;
    cases.get(4).genderSource = "none";
    cases.get(0).title = null;
    cases.get(1).repeatNote = 40; // ~5.6k characters

    ReportStats s = ReportStatsCollector.collect(CaseBatches.batch(cases));

    assertEquals(6, s.rows());
    assertEquals(24, s.ageBins().size());
    assertEquals(2, s.ageBins().get(0).count()); // 0.5 and 4.99
    assertEquals("0–4", s.ageBins().get(0).label());
    assertEquals(1, s.ageBins().get(1).count()); // 5.0
    assertEquals(1, s.ageBins().get(23).count()); // 120 belongs to the last bin
    assertEquals("115–120", s.ageBins().get(23).label());
    assertEquals(1, s.ageUnknown());
    assertEquals(1, s.ageOutOfRange());
    assertEquals((0.5 + 4.99 + 5 + 120 + 130) / 5, s.ageMean(), 1e-9);
    assertEquals(Map.of("M", 3L, "F", 2L, "unknown", 1L, "other", 0L), s.sexSplit());
    // case 0 is "text" (i % 10 == 0), case 5 now "none"
    assertEquals(Map.of("field", 4L, "text", 1L, "none", 1L, "other", 0L), s.ageSources());
    assertEquals(Map.of("field", 4L, "text", 1L, "none", 1L, "other", 0L), s.genderSources());
    long notes = s.noteLengthBins().stream().mapToLong(Bin::count).sum();
    assertEquals(6, notes);
    assertEquals(5, s.noteLengthBins().get(0).count()); // ~140 chars each: "0–250"
    assertEquals(1, s.noteLengthBins().get(5).count()); // 4k–8k
    assertEquals("≥ 16k", s.noteLengthBins().get(7).label());
    assertEquals(5.0 / 6, s.completeness().get("title"), 1e-9);
    assertEquals(1.0, s.completeness().get("patient_uid"));
    assertEquals(15, s.completeness().size());
  }
}
