package org.patientinsight.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WarehouseLayoutTest {

  @Test
  void everyPathIsAChildOfTheRootAsGivenWithTrailingSlashesTrimmedOnce() {
    WarehouseLayout s3 = WarehouseLayout.of("s3a://lake/warehouse//");
    assertEquals("s3a://lake/warehouse", s3.root());
    assertEquals("s3a://lake/warehouse/cases", s3.table("cases"));
    assertEquals("s3a://lake/warehouse/runs/r-1.json", s3.runSummary("r-1"));
    assertEquals("s3a://lake/warehouse/reports/r-1", s3.reportDirectory("r-1"));
    assertEquals("s3a://lake/warehouse/reports/r-1/report.html", s3.reportHtml("r-1"));
    assertEquals("s3a://lake/warehouse/reports/r-1/report.json", s3.reportJson("r-1"));
    assertEquals("s3a://lake/warehouse/lineage/r-1.jsonl", s3.lineageFile("r-1"));
    assertEquals("s3a://lake/warehouse/quality/metrics.json", s3.qualityMetrics());
    assertEquals("s3a://lake/warehouse/drift/baselines", s3.driftBaselines());
    assertEquals("s3a://lake/warehouse/drift/embedding-baselines", s3.embeddingBaselines());
    assertEquals("s3a://lake/warehouse/vector_index", s3.vectorIndex());
    assertEquals("s3a://lake/warehouse/_lease", s3.lease());
    assertEquals("s3a://lake/warehouse/analyses", s3.analyses());
    assertFalse(s3.isLocal());

    assertEquals("s3a://lake/cases", WarehouseLayout.of("s3a://lake/").table("cases"));
    assertEquals("./warehouse/cases", WarehouseLayout.of("./warehouse/").table("cases"));
    assertEquals("/cases", WarehouseLayout.of("/").table("cases"));
  }

  @Test
  void localRootsGiveLocalPaths() {
    WarehouseLayout file = WarehouseLayout.of("file:///data/wh");
    assertTrue(file.isLocal());
    assertEquals(Path.of("/data/wh/vector_index"), file.localPath(file.vectorIndex()));
    WarehouseLayout plain = WarehouseLayout.of("/data/wh");
    assertEquals(Path.of("/data/wh/analyses"), plain.localPath(plain.analyses()));
    assertThrows(IllegalStateException.class,
        () -> WarehouseLayout.of("s3a://b/w").localPath("s3a://b/w/vector_index"));
  }

  @Test
  void aLocalDefaultUnderARemoteWarehouseIsAConfigErrorNamingTheKey() {
    WarehouseLayout plain = WarehouseLayout.of("/data/wh");
    assertEquals(Path.of("/data/wh/vector_index"), plain.localDefault(plain.vectorIndex(), "vector.local.dir"));
    WarehouseLayout s3 = WarehouseLayout.of("s3a://b/w");
    ConfigException e = assertThrows(ConfigException.class, () -> s3.localDefault(s3.analyses(), "serving.analyses_dir"));
    assertEquals("serving.analyses_dir", e.key());
    assertEquals("configuration key 'serving.analyses_dir' must be set to a local directory when 'warehouse'"
        + " is not local (s3a://b/w)", e.getMessage());
  }

  @Test
  void namesThatWouldLeaveTheirDirectoryAreRefused() {
    WarehouseLayout w = WarehouseLayout.of("/w");
    for (String bad : new String[] {"../x", "a/b", "", " ", "a\\b"}) {
      assertThrows(IllegalArgumentException.class, () -> w.runSummary(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> w.table(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> WarehouseLayout.of(" "));
  }
}
