package org.patientinsight.jobs.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.jobs.quality.QualityStep;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunReport;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.jobs.tables.Tables;
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
  void execute(RunContext ctx) {
    if (!Tables.CASES.equals(table)) {
      throw new JobFailure("quality checks are defined for the cases table only, not '" + table + "'");
    }
    String path = ctx.tablePath(Tables.CASES);
    long version = TableVersions.versionOf(ctx.spark(), path);
    if (version < 0) {
      throw new JobFailure("no cases table at " + path + "; run 'pipeline' or 'ingest' first");
    }
    Dataset<Row> cases = ctx.spark().read().format("delta").load(path).cache();
    try {
      ctx.summary().count("read", cases.count());
      ctx.summary().count("unchanged", ctx.summary().counts().get("read"));
      ctx.summary().tableVersion(Tables.CASES, version);
      new QualityStep(ctx).check(cases, QualityStep.DATASET_TABLE);
    } finally {
      cases.unpersist();
    }
  }

  @Override
  java.util.List<java.nio.file.Path> reports(RunContext ctx) {
    return RunReport.write(ctx, "cases table v" + ctx.summary().tableVersions().get(Tables.CASES), false);
  }
}
