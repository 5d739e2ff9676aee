package org.patientinsight.jobs.cli;

import java.util.List;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.DriftReportsTable;
import org.patientinsight.contract.EmbeddingsTable;
import org.patientinsight.contract.QualityRunsTable;
import org.patientinsight.contract.QuarantineTable;
import org.patientinsight.jobs.export.TableExporter;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export",
    description = "Write a table (any version) as one CSV or JSON-lines file.")
final class ExportCommand extends BatchCommand {
  private static final List<String> EXPORTABLE = List.of(CasesTable.NAME, QuarantineTable.NAME,
      EmbeddingsTable.NAME, QualityRunsTable.NAME, DriftReportsTable.NAME);

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--table", required = true, description = "Table name: cases, quarantine, embeddings, quality_runs, drift_reports.")
  String table;

  @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file to write (local or s3a://).")
  String out;

  @Option(names = "--version", paramLabel = "N", description = "Table version to export (default: latest).")
  Long version;

  @Override
  boolean changesTables() {
    return false;
  }

  @Override
  String input() {
    return table + (version == null ? "" : "@v" + version);
  }

  @Override
  Verdict execute(RunContext ctx) {
    if (!EXPORTABLE.contains(table)) {
      throw new org.patientinsight.jobs.run.JobFailure("unknown table '" + table
          + "'; one of " + String.join(", ", EXPORTABLE));
    }
    long n = ctx.stage("export", () -> new TableExporter(ctx.spark())
        .export(ctx.layout().table(table), format, out, version));
    ctx.results().add(new org.patientinsight.jobs.export.Exported(n));
    System.out.println("exported " + n + " rows of " + table + " to " + out);
    return Verdict.done();
  }
}
