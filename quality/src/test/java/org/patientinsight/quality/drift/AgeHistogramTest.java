package org.patientinsight.quality.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AgeHistogramTest {
  private static final AgeBins BINS = AgeBins.ofWidth(0.25);

  @Test
  void layoutIs480QuarterYearBinsPlusOverflow() {
    assertEquals(480, BINS.regularBins());
    assertEquals(481, BINS.size());
    assertEquals(0, BINS.indexOf(0.0));
    assertEquals(0, BINS.indexOf(0.2499));
    assertEquals(1, BINS.indexOf(0.25));
    assertEquals(479, BINS.indexOf(119.99));
    assertEquals(480, BINS.indexOf(120.0));
    assertEquals(480, BINS.indexOf(250.0));
    assertEquals(AgeBins.MISSING, BINS.indexOf(null));
    assertEquals(AgeBins.INVALID, BINS.indexOf(-1.0));
    assertEquals(AgeBins.INVALID, BINS.indexOf(Double.NaN));
    assertEquals(AgeBins.INVALID, BINS.indexOf(Double.POSITIVE_INFINITY));
  }

  @Test
  void binWidthMustDivideAYear() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgeBins.ofWidth(0.3));
    assertTrue(e.getMessage().contains("drift.bin_width_years"));
    assertThrows(IllegalArgumentException.class, () -> AgeBins.ofWidth(0));
    assertEquals(120, AgeBins.ofWidth(1).regularBins());
  }

  @Test
  void countsMeanMissingAndQuantiles() {
    AgeHistogram h = AgeHistogram.of(BINS, 10.0, 20.0, 30.0, 40.0, null, null, -3.0, 130.0);
    assertEquals(5, h.count());
    assertEquals(2, h.missing());
    assertEquals(1, h.invalid());
    assertEquals(8, h.rows());
    assertEquals(3.0 / 8, h.missingShare(), 1e-12);
    assertEquals((10 + 20 + 30 + 40 + 130) / 5.0, h.mean(), 1e-12); // exact: the sum is carried
    // rank 0.5·5 = 2.5 falls in the bin [30, 30.25) holding the 3rd value: 30 + 0.5·0.25
    assertEquals(30.125, h.median(), 1e-12);
    assertEquals(120.0, h.quantile(1.0)); // overflow reported at its lower edge
    assertEquals(10.0, h.quantile(0.0));
  }

  @Test
  void quantilesOfAUniformSampleAreWithinOneBin() {
    Double[] ages = new Double[1000];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = i * 0.1; // 0.0 .. 99.9
    }
    AgeHistogram h = AgeHistogram.of(BINS, ages);
    assertEquals(49.95, h.mean(), 1e-9);
    assertEquals(50.0, h.median(), 0.25);
    assertEquals(5.0, h.quantile(0.05), 0.25);
    assertEquals(95.0, h.quantile(0.95), 0.25);
  }

  @Test
  void jsonRoundTripKeepsEverything() throws Exception {
    AgeHistogram h = AgeHistogram.of(BINS, 0.5, 1.0, 33.3, 70.25, null, 121.0, Double.NaN);
    String json = new ObjectMapper().writeValueAsString(h.toJson());
    AgeHistogram back = AgeHistogram.fromJson(new ObjectMapper().readTree(json));
    assertEquals(h, back);
    assertTrue(json.contains("\"p50\""), json);
    assertTrue(json.contains("\"schema\":\"patient-insight/age-histogram@1\""));
  }

  @Test
  void malformedJsonNamesTheField() throws Exception {
    ObjectMapper m = new ObjectMapper();
    var n = AgeHistogram.of(BINS, 1.0).toJson();
    n.remove("sum_years");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgeHistogram.fromJson(n));
    assertTrue(e.getMessage().contains("sum_years"));
    var bad = AgeHistogram.of(BINS, 1.0).toJson();
    bad.putArray("counts").add(1);
    e = assertThrows(IllegalArgumentException.class, () -> AgeHistogram.fromJson(bad));
    assertTrue(e.getMessage().contains("counts"));
    assertThrows(IllegalArgumentException.class, () -> AgeHistogram.fromJson(m.readTree("{\"schema\":\"x\"}")));
  }

  @Test
  void differentLayoutsCannotBeCompared() {
    AgeHistogram a = AgeHistogram.of(BINS, 1.0);
    AgeHistogram b = AgeHistogram.of(AgeBins.ofWidth(0.5), 1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.statistic(a, b));
    assertTrue(e.getMessage().contains("different bins"));
  }

  @Test
  void plusAddsBinWise() {
    AgeHistogram a = AgeHistogram.of(BINS, 1.0, null);
    AgeHistogram b = AgeHistogram.of(BINS, 1.1, 50.0);
    AgeHistogram s = a.plus(b);
    assertEquals(AgeHistogram.of(BINS, 1.0, null, 1.1, 50.0), s);
  }
}
