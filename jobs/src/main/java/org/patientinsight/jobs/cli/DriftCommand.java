package org.patientinsight.jobs.cli;

import org.patientinsight.jobs.drift.DriftStage;
import org.patientinsight.jobs.drift.EmbeddingDriftStage;
import org.patientinsight.quality.drift.EmbeddingDriftReport;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.Verdict;
import org.patientinsight.quality.drift.DriftReport;
import org.patientinsight.report.DriftTable;
import picocli.CommandLine.Command;

@Command(name = "drift", mixinStandardHelpOptions = true,
    subcommands = DriftBaselineCommand.class,
    description = {"Compare the age distribution of the cases table with the pinned baseline "
        + "(KS D and p, PSI, Jensen-Shannon, mean/median shift; overall and per sex).",
        "The first run pins the baseline from the first published cases version.",
        "Also compares every current embedding with the embedding baseline (domain-classifier AUC, "
            + "KMeans topic-cluster shares) when an embeddings table exists."})
final class DriftCommand extends BatchCommand {
  @picocli.CommandLine.Mixin
  DriftOptions drift;

  @Override
  boolean failOnDrift() {
    return drift.failOnDrift;
  }

  @Override
  String input() {
    return "cases";
  }

  @Override
  Verdict execute(RunContext ctx) {
    DriftReport report = ctx.results().add(ctx.stage("drift", () -> new DriftStage(ctx).run(null))).report();
    System.out.println(DriftTable.render(report));
    if (ctx.settings().getBoolean("drift.embedding.enabled")) {
      EmbeddingDriftReport e = ctx.results().add(ctx.stage("embedding_drift",
          () -> new EmbeddingDriftStage(ctx).run(false))).report();
      if (e != null) {
        System.out.println("Embedding drift (table) vs baseline " + e.baselineRef() + ": " + e.verdict());
        e.reasons().forEach(r -> System.out.println("  - " + r));
      }
    }
    return Verdict.done();
  }
}
