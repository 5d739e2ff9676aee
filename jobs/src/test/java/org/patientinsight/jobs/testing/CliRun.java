package org.patientinsight.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.patientinsight.jobs.cli.Main;

/** Runs a batch command through the real CLI with a private warehouse and MLflow dir. */
public final class CliRun {
  private final Path dir;
  private final Path warehouse;

  public CliRun(Path dir) {
    this.dir = dir;
    this.warehouse = dir.resolve("wh");
  }

  public Path warehouse() {
    return warehouse;
  }

  /**
   * Runs "command --warehouse … --run-id runId … extra", checks the process's exit code is the one
   * the caller states (a literal: 0 succeeded, 1 failed, 3 rejected, …) and returns its summary.
   */
  public JsonNode run(int expectedExit, String command, String runId, String... extra) {
    Path summary = dir.resolve("summary-" + runId + ".json");
    List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
    args.addAll(List.of("--warehouse", warehouse.toString(), "--run-id", runId,
        "--summary-json", summary.toString(), "--set", "tracking.local_dir=" + dir.resolve("mlruns")));
    args.addAll(Arrays.asList(extra));
    int code = Main.run(args.toArray(new String[0]));
    JsonNode s = Summaries.read(summary);
    assertEquals(expectedExit, code, "exit code of " + command + " (status " + s.path("status").asText() + ")");
    return s;
  }
}
