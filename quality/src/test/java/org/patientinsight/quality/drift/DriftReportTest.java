package org.patientinsight.quality.drift;

import static org.patientinsight.quality.drift.DriftFixtures.baseline;
import static org.patientinsight.quality.drift.DriftFixtures.concat;
import static org.patientinsight.quality.drift.DriftFixtures.histograms;
import static org.patientinsight.quality.drift.DriftFixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftReportTest {
  @Test
  void sameDistributionDoesNotAlert() {
    Random r = new Random(1);
    Baseline b = baseline(histograms(new Double[0], uniform(r, 2000, 18, 90), uniform(r, 2000, 18, 90)));
    AgeHistograms batch = histograms(new Double[] {null}, uniform(r, 600, 18, 90), uniform(r, 600, 18, 90));
    DriftReport rep = DriftReport.evaluate(b, batch, "batch", DriftPolicy.defaults());
    assertFalse(rep.alert());
    assertFalse(rep.warning(), rep.reasons().toString());
    assertTrue(rep.overall().ksD() < 0.1);
    assertTrue(rep.overall().psi() < 0.05);
    assertEquals(List.of("no drift: all figures below thresholds"), rep.reasons());
    assertTrue(rep.finding().isEmpty());
  }

  @Test
  void femaleOnlyShiftWarnsAndShowsPerSex() {
    Random r = new Random(2);
    Baseline b = baseline(histograms(new Double[0], uniform(r, 2000, 18, 90), uniform(r, 2000, 18, 90)));
    // males unchanged (1000); females (300) now half paediatric: overall D ≈ 0.5·300/1300 ≈ 0.12 < 0.15
    Double[] fem = concat(uniform(r, 150, 0, 12), uniform(r, 150, 18, 90));
    AgeHistograms batch = histograms(new Double[0], uniform(r, 1000, 18, 90), fem);
    DriftReport rep = DriftReport.evaluate(b, batch, "batch", DriftPolicy.defaults());
    assertTrue(rep.perSexDecisions().get("F").alert(), rep.perSex().get("F").toString());
    assertFalse(rep.perSexDecisions().get("M").alert());
    assertTrue(rep.perSex().get("F").ksD() >= 0.45);
    assertTrue(rep.perSex().get("M").ksD() < 0.1);
    assertFalse(rep.overall().ksD() >= 0.15);
    // the overall PSI sees the paediatric bands appear, so overall alerts or at least warns
    assertTrue(rep.alert() || rep.warning());
    assertTrue(rep.reasons().stream().anyMatch(s -> s.startsWith("sex F: ")), rep.reasons().toString());
  }

  @Test
  void paediatricFloodAlertsWithSummaryKeysAndAnAlertCarryingFiguresOnly() throws Exception {
    Random r = new Random(3);
    Baseline b = baseline(histograms(new Double[0], uniform(r, 1500, 18, 90), uniform(r, 1500, 18, 90)));
    AgeHistograms batch = histograms(new Double[] {null, null},
        concat(uniform(r, 200, 0, 12), uniform(r, 200, 18, 90)),
        concat(uniform(r, 200, 0, 12), uniform(r, 200, 18, 90)));
    DriftReport rep = DriftReport.evaluate(b, batch, "batch", DriftPolicy.defaults());
    assertTrue(rep.alert());
    Map<String, Object> s = rep.toSummaryMap();
    for (String k : List.of("ks_d", "ks_p", "psi", "js", "mean_shift_years", "median_shift_years", "n_batch",
        "n_baseline", "baseline_version", "alert", "warning", "missing_share_batch", "missing_share_baseline")) {
      assertTrue(s.containsKey(k), k);
    }
    assertEquals(800L, s.get("n_batch"));
    assertEquals(802L, s.get("rows_batch"));
    assertEquals(3, s.get("baseline_version"));
    assertEquals(2.0 / 802, (Double) s.get("missing_share_batch"), 1e-12);
    assertTrue((Double) s.get("mean_shift_years") < -10);
    assertTrue((Double) s.get("ks_p") < 1e-10);

    JsonNode json = new ObjectMapper().readTree(rep.toJsonString());
    assertEquals("cases@v3", json.get("baseline_ref").asText());
    assertTrue(json.get("per_sex").get("M").get("alert").asBoolean());
    assertEquals(0.15, json.get("policy").get("ks_d_alert").asDouble());

    // its console table: DriftTextTest in the report module
    DriftFinding a = rep.finding().orElseThrow();
    assertEquals("age_drift", a.kind());
    assertTrue(a.alert());
    assertEquals("Age drift detected vs baseline cases@v3", a.title());
    assertTrue(a.summary().startsWith("Wasserstein "), a.summary()); // 3,000 baseline ages: W/sd decides
    assertEquals(rep.overall().ksD(), a.fields().get("ks_d"));
  }

  @Test
  void undefinedFiguresAreNullInMaps() {
    Baseline b = baseline(histograms(new Double[0], new Double[] {30.0}, new Double[] {40.0}));
    AgeHistograms batch = histograms(new Double[] {null}, new Double[0], new Double[0]);
    DriftReport rep = DriftReport.evaluate(b, batch, "batch", DriftPolicy.defaults());
    assertEquals(null, rep.toSummaryMap().get("ks_d"));
    assertFalse(rep.alert());
    assertTrue(rep.toJsonString().contains("\"ks_d\":null"));
  }
}
