package org.patientinsight.jobs.cli;

import org.patientinsight.jobs.embed.SyncResult;
import org.patientinsight.jobs.embed.SyncStage;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.Verdict;
import picocli.CommandLine.Command;

@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Bring the vector store (vector.store = local | pinecone) in line with the "
        + "embeddings of the current cases: upsert what it lacks, delete removed cases.",
        "What each store holds is recorded in the vector_sync table."})
final class SyncCommand extends BatchCommand {
  @Override
  String input() {
    return "embeddings";
  }

  @Override
  Verdict execute(RunContext ctx) {
    SyncResult r = ctx.results().add(ctx.stage("sync", () -> new SyncStage(ctx).run()));
    System.out.println("synced the " + r.store() + " store: upserted " + r.upserted()
        + ", deleted " + r.deleted() + ", it holds " + r.storeCount()
        + (r.notEmbedded() > 0 ? "; " + r.notEmbedded() + " case(s) await 'embed'" : ""));
    return Verdict.done();
  }
}
