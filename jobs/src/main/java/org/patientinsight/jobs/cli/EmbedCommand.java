package org.patientinsight.jobs.cli;

import java.util.Locale;
import org.patientinsight.jobs.embed.EmbedResult;
import org.patientinsight.jobs.embed.EmbedStage;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.Verdict;
import picocli.CommandLine.Command;

@Command(name = "embed", mixinStandardHelpOptions = true,
    description = {"Embed the cases that are new, edited or embedded by another model "
        + "(all-MiniLM-L6-v2) into the embeddings table.",
        "Pushes nothing to a vector store: run 'sync' after it (or 'pipeline')."})
final class EmbedCommand extends BatchCommand {
  @Override
  String input() {
    return "cases";
  }

  @Override
  Verdict execute(RunContext ctx) {
    EmbedResult r = ctx.results().add(ctx.stage("embed", () -> new EmbedStage(ctx).run()));
    System.out.printf(Locale.ROOT, "embedded %d case(s): %.1f texts/s, %.0f tokens/s (%s)%n",
        r.embedded(), r.textsPerSecond(), r.tokensPerSecond(), r.modelId());
    return Verdict.done();
  }
}
