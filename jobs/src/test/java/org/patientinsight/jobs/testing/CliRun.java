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

  /** Runs "command --warehouse … --run-id runId … extra" and returns its summary. */
  public JsonNode run(String command, String runId, String... extra) {
    Path summary = dir.resolve("summary-" + runId + ".json");
    List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
    args.addAll(List.of("--warehouse", warehouse.toString(), "--run-id", runId,
        "--summary-json", summary.toString(), "--set", "tracking.local_dir=" + dir.resolve("mlruns")));
    args.addAll(Arrays.asList(extra));
    int code = Main.run(args.toArray(new String[0]));
    JsonNode s = Summaries.read(summary);
    int expected = switch (s.path("status").asText()) {
      case "SUCCEEDED" -> 0;
      case "REJECTED" -> 3;
      default -> 1;
    };
    if (expected == 0 && s.path("exit").path("drift_alert").asBoolean() && s.path("exit").path("code").asInt() == 4) {
      expected = 4; // succeeded, but a drift ALERT with --fail-on-drift (drift.fail_on_drift)
    }
    assertEquals(expected, code, "exit code matches status " + s.path("status").asText());
    return s;
  }
}
