package org.patientinsight.quality.drift;

import org.patientinsight.core.config.WarehouseLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
  private static final AgeBins BINS = AgeBins.ofWidth(0.25);

  @TempDir
  Path warehouse;

  private static AgeHistograms sample(double shift) {
    AgeHistogram m = AgeHistogram.of(BINS, 30 + shift, 40 + shift, null);
    AgeHistogram f = AgeHistogram.of(BINS, 50 + shift, 60.5 + shift);
    return new AgeHistograms(m.plus(f).plus(AgeHistogram.of(BINS, 70.0)), m, f);
  }

  @Test
  void savesNewVersionsAndReadsThemBack() {
    BaselineStore store = BaselineStore.forWarehouse(WarehouseLayout.of(warehouse.toString()), new Configuration());
    assertTrue(store.latest("cases").isEmpty());
    Baseline v1 = store.save("cases", "cases", 0, sample(0));
    Baseline v2 = store.save("cases", "cases", 4, sample(1));
    assertEquals(1, v1.version());
    assertEquals(2, v2.version());
    assertEquals(List.of(1, 2), store.versions("cases"));
    assertTrue(Files.isRegularFile(warehouse.resolve("drift/baselines/cases/v2.json")));

    Baseline latest = store.latest("cases").orElseThrow();
    assertEquals(v2.ref(), latest.ref());
    assertEquals(4, latest.sourceVersion());
    assertEquals(v2.createdAt(), latest.createdAt());
    assertEquals(sample(1), latest.histograms());
    assertEquals(sample(0), store.load("cases", 1).histograms());
  }

  @Test
  void missingVersionNamesWhatExists() {
    BaselineStore store = BaselineStore.forWarehouse(WarehouseLayout.of(warehouse.toString()), new Configuration());
    store.save("cases", "cases", 0, sample(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.load("cases", 5));
    assertTrue(e.getMessage().contains("cases@v5 not found"), e.getMessage());
    assertTrue(e.getMessage().contains("[1]"), e.getMessage());
  }

  @Test
  void malformedFileIsReportedWithItsPath() throws Exception {
    BaselineStore store = BaselineStore.forWarehouse(WarehouseLayout.of(warehouse.toString()), new Configuration());
    Path dir = Files.createDirectories(warehouse.resolve("drift/baselines/cases"));
    Files.writeString(dir.resolve("v1.json"), "{\"schema\":\"patient-insight/drift-baseline@1\"}", StandardCharsets.UTF_8);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.latest("cases"));
    assertTrue(e.getMessage().contains("v1.json"), e.getMessage());
  }

  @Test
  void rejectsNamesThatCouldEscapeTheDirectory() {
    BaselineStore store = BaselineStore.forWarehouse(WarehouseLayout.of(warehouse.toString()), new Configuration());
    assertThrows(IllegalArgumentException.class, () -> store.versions("../x"));
  }
}
