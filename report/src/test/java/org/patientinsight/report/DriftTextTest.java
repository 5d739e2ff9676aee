package org.patientinsight.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patientinsight.quality.drift.DriftFixtures.baseline;
import static org.patientinsight.quality.drift.DriftFixtures.concat;
import static org.patientinsight.quality.drift.DriftFixtures.histograms;
import static org.patientinsight.quality.drift.DriftFixtures.uniform;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.patientinsight.quality.drift.AgeHistograms;
import org.patientinsight.quality.drift.Baseline;
import org.patientinsight.quality.drift.DriftPolicy;
import org.patientinsight.quality.drift.DriftReport;

/** The drift console table and HTML view say what the report decided, in a screenful. */
class DriftTextTest {
  @Test
  void aPaediatricFloodReadsAsAnAlertOnOneScreen() {
    Random r = new Random(3);
    Baseline b = baseline(histograms(new Double[0], uniform(r, 1500, 18, 90), uniform(r, 1500, 18, 90)));
    AgeHistograms batch = histograms(new Double[] {null, null},
        concat(uniform(r, 200, 0, 12), uniform(r, 200, 18, 90)),
        concat(uniform(r, 200, 0, 12), uniform(r, 200, 18, 90)));
    DriftReport rep = DriftReport.evaluate(b, batch, "batch", DriftPolicy.defaults());
    String table = DriftTable.render(rep);
    assertTrue(table.startsWith("Age drift (batch) vs baseline cases@v3 [cases v1]"), table);
    assertTrue(table.contains("decision: ALERT"), table);
    assertTrue(table.lines().count() <= 24, "fits one screen");
  }

  @Test
  void aFirstRunSaysTheBaselineWasPinnedInsteadOfShowingZeros() {
    Random r = new Random(10);
    AgeHistograms h = histograms(new Double[0], uniform(r, 300, 18, 90), uniform(r, 300, 18, 90));
    DriftReport rep = DriftReport.evaluate(baseline(h), h, "batch", DriftPolicy.defaults(), true);
    assertTrue(DriftTable.render(rep).contains("baseline pinned from this batch — no comparison yet"));
    assertTrue(DriftSvg.renderHtmlSection(rep, h.overall(), h.overall()).contains("no comparison yet"));
  }
}
