package org.patientinsight.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.ConsoleRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;

/** MLflow stays useful: runs only for commands that change tables, one experiment per warehouse, absolute paths. */
class RunTrackingCommandsTest {

  private static List<Path> runFolders(Path mlruns) throws Exception {
    try (Stream<Path> s = Files.walk(mlruns, 2)) {
      return s.filter(p -> p.getNameCount() == mlruns.getNameCount() + 2 && Files.exists(p.resolve("params")))
          .collect(Collectors.toList());
    }
  }

  @Test
  void tableChangingCommandsAreTrackedPerWarehouseAndExportIsNot(@TempDir Path dir) throws Exception {
    SharedSpark.get();
    CliRun cli = new CliRun(dir);
    Path input = new RawCsv()
        .row("3000001-1", RawCsv.note(30, "F", "A case."), "[[30.0, 'year']]", "F")
        .write(dir.resolve("in/a.csv"));
    JsonNode ingest = cli.run(0, "ingest", "t1", "--input", input.toString());
    assertEquals("SUCCEEDED", ingest.path("status").asText(), ingest.toString());
    assertEquals(cli.warehouse().toAbsolutePath().normalize().toString(), ingest.path("warehouse").asText());
    Path mlruns = dir.resolve("mlruns");
    List<Path> runs = runFolders(mlruns);
    assertEquals(1, runs.size(), runs.toString());
    Path experiment = runs.get(0).getParent();
    String meta = Files.readString(experiment.resolve("meta.yaml"));
    assertTrue(meta.contains("name: 'patient-insight " + cli.warehouse().toAbsolutePath() + "'"), meta);
    assertEquals(cli.warehouse().toAbsolutePath().toString(),
        Files.readString(runs.get(0).resolve("params/warehouse")).strip());
    assertEquals(input.toAbsolutePath().toString(), Files.readString(runs.get(0).resolve("params/input")).strip());

    JsonNode export = cli.run(0, "export", "t2", "--table", "cases", "--out", dir.resolve("out.csv").toString());
    assertEquals("SUCCEEDED", export.path("status").asText(), export.toString());
    assertEquals("none", export.path("tracking").path("backend").asText());
    assertEquals(1, runFolders(mlruns).size(), "export leaves no MLflow run");

    ConsoleRun noSuchVersion = ConsoleRun.of("export", "--table", "cases", "--version", "99", "--out",
        dir.resolve("v.csv").toString(), "--warehouse", cli.warehouse().toString(), "--set", "tracking.local_dir=" + mlruns);
    assertEquals(1, noSuchVersion.exitCode());
    assertTrue(noSuchVersion.err().contains("error: --version 99 does not exist: cases has versions 0 to 0"),
        noSuchVersion.err());

    ConsoleRun typo = ConsoleRun.of("export", "--table", "cases", "--out", dir.resolve("x.csv").toString(),
        "--warehouse", dir.resolve("warehuose").toString(), "--set", "tracking.local_dir=" + mlruns);
    assertEquals(2, typo.exitCode());
    assertTrue(typo.err().startsWith("error: no warehouse at "), typo.err());
    assertFalse(Files.exists(dir.resolve("warehuose")), "a typo'd --warehouse is not created");
    assertEquals(1, runFolders(mlruns).size());
  }
}
