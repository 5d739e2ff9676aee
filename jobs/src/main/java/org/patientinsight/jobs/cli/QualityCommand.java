package org.patientinsight.jobs.cli;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.jobs.pipeline.ReportWritten;
import org.patientinsight.jobs.pipeline.RunReport;
import org.patientinsight.jobs.quality.CheckedTable;
import org.patientinsight.jobs.quality.GateOutcome;
import org.patientinsight.jobs.quality.QualityStep;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunRecord;
import org.patientinsight.jobs.run.Verdict;
import org.patientinsight.jobs.tables.TableVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Run the quality checks on the published cases table and write a stats report.")
final class QualityCommand extends BatchCommand {
  @Option(names = "--table", defaultValue = "cases", description = "The table to check (only 'cases').")
  String table;

  @Override
  String input() {
    return table;
  }

  @Override
  Verdict execute(RunContext ctx) {
    if (!CasesTable.NAME.equals(table)) {
      throw new JobFailure("quality checks are defined for the cases table only, not '" + table + "'");
    }
    String path = ctx.layout().table(CasesTable.NAME);
    long version = TableVersions.versionOf(ctx.spark(), path);
    if (version < 0) {
      throw new JobFailure("no cases table at " + path + "; run 'pipeline' or 'ingest' first");
    }
    Dataset<Row> cases = ctx.spark().read().format("delta").load(path).cache();
    try {
      ctx.results().add(new CheckedTable(cases.count(), version));
      GateOutcome gate = ctx.results().add(new QualityStep(ctx).check(cases, QualityStep.DATASET_TABLE));
      return gate.refuses() ? Verdict.rejected(gate.refusal()) : Verdict.done();
    } finally {
      cases.unpersist();
    }
  }

  @Override
  Optional<ReportWritten> report(RunContext ctx, RunRecord record) {
    return RunReport.write(ctx, record, "cases table v" + record.tableVersions().get(CasesTable.NAME), false);
  }
}
