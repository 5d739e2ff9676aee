package org.patientinsight.jobs.cli;

import org.patientinsight.jobs.drift.DriftStage;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.quality.drift.DriftReport;
import org.patientinsight.quality.drift.DriftTable;
import picocli.CommandLine.Command;

@Command(name = "drift", mixinStandardHelpOptions = true,
    subcommands = DriftBaselineCommand.class,
    description = {"Compare the age distribution of the cases table with the pinned baseline "
        + "(KS D and p, PSI, Jensen-Shannon, mean/median shift; overall and per sex).",
        "The first run pins the baseline from the first published cases version."})
final class DriftCommand extends BatchCommand {
  @Override
  String input() {
    return "cases";
  }

  @Override
  void execute(RunContext ctx) {
    DriftReport report = ctx.stage("drift", () -> new DriftStage(ctx).run(null));
    System.out.println(DriftTable.render(report));
  }
}
