package org.patientinsight.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.core.config.Settings;

class RunTrackersTest {
  @TempDir
  Path dir;

  private static TrackedRun run() {
    return TrackedRun.builder("r", "pipeline", TrackedRun.Status.SUCCEEDED)
        .times(1_700_000_000_000L, 1_700_000_000_001L).build();
  }

  @Test
  void noTrackingUriMeansTheFileStoreUnderTheDefaultRoot() {
    RunTracker t = RunTrackers.fromEnvironment(Map.of(), dir.resolve("mlruns"));
    assertEquals("file-store", t.backend());
    assertEquals(dir.resolve("mlruns").toAbsolutePath(), ((FileStoreRunTracker) t).root());
  }

  @Test
  void fileUriAndPlainPathAreFileStores() {
    RunTracker byUri = RunTrackers.fromEnvironment(
        Map.of(RunTrackers.ENV_TRACKING_URI, dir.resolve("a").toUri().toString()), dir);
    assertEquals(dir.resolve("a").toAbsolutePath(), ((FileStoreRunTracker) byUri).root());
    RunTracker byPath = RunTrackers.fromEnvironment(
        Map.of(RunTrackers.ENV_TRACKING_URI, dir.resolve("b").toString()), dir);
    assertEquals(dir.resolve("b").toAbsolutePath(), ((FileStoreRunTracker) byPath).root());
    assertTrue(byPath.record(run()).ok());
  }

  @Test
  void unsupportedSchemeFailsEachRecordNamingTheVariable() {
    RunTracker t = RunTrackers.fromEnvironment(
        Map.of(RunTrackers.ENV_TRACKING_URI, "databricks://profile"), dir);
    TrackingOutcome o = t.record(run());
    assertFalse(o.ok());
    assertEquals(1, o.failures());
    assertTrue(o.message().contains("MLFLOW_TRACKING_URI"), o.message());
  }

  @Test
  void disabledBySetting() {
    Settings s = Settings.defaults().with(Map.of(RunTrackers.KEY_ENABLED, "false"));
    RunTracker t = RunTrackers.fromSettings(s, Map.of(), dir.resolve("mlruns"));
    TrackingOutcome o = t.record(run());
    assertTrue(o.ok());
    assertEquals("disabled", o.backend());
    assertFalse(dir.resolve("mlruns").toFile().exists());
    // empty by default: the jobs name one experiment per warehouse (RunTracking.experiment)
    assertEquals("", Settings.defaults().get(RunTrackers.KEY_EXPERIMENT));
  }

  @Test
  void trackedRunRejectsBadInputNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrackedRun.builder("r", "pipeline", TrackedRun.Status.SUCCEEDED)
            .times(10, 5).build());
    assertTrue(e.getMessage().contains("endMillis"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TrackedRun.builder(" ", "pipeline", TrackedRun.Status.SUCCEEDED).times(1, 2)
            .build());
    assertTrue(e.getMessage().contains("runName"), e.getMessage());
  }
}
