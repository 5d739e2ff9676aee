package org.patientinsight.jobs.cli;

import org.patientinsight.jobs.drift.DriftStage;
import org.patientinsight.jobs.drift.BaselinePinned;
import org.patientinsight.jobs.drift.EmbeddingBaselinePinned;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.Verdict;
import org.patientinsight.quality.drift.Baseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = {"Pin a new version of the age baseline from a version of the cases table.",
        "With --embeddings, pin a new embedding baseline from the current embeddings instead."})
final class DriftBaselineCommand extends BatchCommand {
  @Option(names = "--from-version", paramLabel = "N",
      description = "The cases table version to take the age baseline from.")
  Long fromVersion;

  @Option(names = "--embeddings",
      description = "Pin the next embedding baseline version (sample, KMeans clusters) from the embeddings table.")
  boolean embeddings;

  @Override
  String input() {
    return embeddings ? "embeddings" : "cases@v" + fromVersion;
  }

  @Override
  Verdict execute(RunContext ctx) {
    if (embeddings) {
      var e = ctx.results().add(new EmbeddingBaselinePinned(ctx.stage("drift-baseline",
          () -> new org.patientinsight.jobs.drift.EmbeddingDriftStage(ctx).pinFromTable()))).baseline();
      System.out.println("pinned embedding baseline " + e.ref() + " (" + e.sampleRows() + " vectors, "
          + e.clusters().size() + " clusters)");
      if (fromVersion == null) {
        return Verdict.done();
      }
    }
    if (fromVersion == null) {
      throw new org.patientinsight.jobs.run.JobFailure("give --from-version N (age baseline) or --embeddings");
    }
    Baseline b = ctx.results().add(new BaselinePinned(ctx.stage("drift-baseline",
        () -> new DriftStage(ctx).pinBaseline(fromVersion)))).baseline();
    System.out.println("pinned baseline " + b.ref() + " from cases v" + b.sourceVersion());
    return Verdict.done();
  }
}
