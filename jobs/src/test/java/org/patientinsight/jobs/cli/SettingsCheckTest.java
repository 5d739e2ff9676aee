package org.patientinsight.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.testing.ConsoleRun;

/** A bad setting stops every command before Spark starts: one line, exit code 2, nothing written. */
class SettingsCheckTest {

  @Test
  void aBatchCommandWithABadValueFailsWithOneLineAndWritesNothing(@TempDir Path dir) {
    Path warehouse = dir.resolve("wh");
    Path mlruns = dir.resolve("mlruns");
    ConsoleRun r = ConsoleRun.of("pipeline", "--warehouse", warehouse.toString(),
        "--set", "tracking.local_dir=" + mlruns, "--set", "quality.min_age_completeness=2");
    assertEquals(2, r.exitCode());
    assertEquals("error: configuration key 'quality.min_age_completeness' must be a number in [0, 1], "
        + "got '2' (from override)\n", r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(warehouse), "no warehouse is created");
    assertFalse(Files.exists(mlruns), "no MLflow run is made");
  }

  @Test
  void rulesBetweenKeysAreCheckedBeforeSparkToo(@TempDir Path dir) {
    ConsoleRun r = ConsoleRun.of("ingest", "--warehouse", dir.resolve("wh").toString(),
        "--set", "drift.psi_warn=0.3", "--set", "drift.psi_alert=0.2");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("'drift.psi_alert' (0.2) must be greater than 'drift.psi_warn' (0.3)"), r.err());
    // one note-length rule (ingest.min_note_chars) instead of two keys kept equal: the gate's
    // former key is refused, so a config still setting it cannot silently mean nothing
    ConsoleRun lengths = ConsoleRun.of("config", "--check", "--set", "quality.min_note_chars=10");
    assertEquals(2, lengths.exitCode());
    assertTrue(lengths.err().contains("unknown configuration key 'quality.min_note_chars'"), lengths.err());
  }

  @Test
  void configChecksTheFileAndListsDescriptionsAndMasksSecrets(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "vector.store: pincone\n");
    ConsoleRun refused = ConsoleRun.of("config", "--config", bad.toString());
    assertEquals(2, refused.exitCode());
    assertEquals("error: configuration key 'vector.store' must be one of local, pinecone, none, got 'pincone' (from file "
        + bad + ")\n", refused.err());

    Path good = Files.writeString(dir.resolve("good.yaml"), "vector.store: none\n");
    ConsoleRun ok = ConsoleRun.of("config", "--check", "--config", good.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertTrue(ok.out().startsWith("ok: "), ok.out());

    ConsoleRun listing = ConsoleRun.of("config", "--set", "alerts.webhook.url=https://hooks.example/T0/B0/s3cr3t-token");
    assertEquals(0, listing.exitCode(), listing.err());
    assertFalse(listing.out().contains("s3cr3t-token"), "a secret setting's value is never printed");
    assertTrue(listing.out().contains("(set, hidden)"));
    assertTrue(listing.out().contains("the quality gate's Error check note_min_length demands it of every note "
        + "[an integer in [1, 1000000]]"), "each key has its description and type");
  }
}
