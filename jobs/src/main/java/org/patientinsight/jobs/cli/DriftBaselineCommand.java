package org.patientinsight.jobs.cli;

import org.patientinsight.jobs.drift.DriftStage;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.quality.drift.Baseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Pin a new version of the age baseline from a version of the cases table.")
final class DriftBaselineCommand extends BatchCommand {
  @Option(names = "--from-version", required = true, paramLabel = "N",
      description = "The cases table version to take the baseline from.")
  long fromVersion;

  @Override
  String input() {
    return "cases@v" + fromVersion;
  }

  @Override
  void execute(RunContext ctx) {
    Baseline b = ctx.stage("drift-baseline", () -> new DriftStage(ctx).pinBaseline(fromVersion));
    ctx.summary().section("drift_baseline", java.util.Map.of("ref", b.ref(), "version", b.version(),
        "source_version", b.sourceVersion()));
    System.out.println("pinned baseline " + b.ref() + " from cases v" + b.sourceVersion());
  }
}
