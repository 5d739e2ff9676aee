package org.patientinsight.jobs.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientinsight.jobs.run.RunReport;
import org.patientinsight.quality.report.ReasonCount;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.jobs.run.BatchRejected;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunSummary;
import org.patientinsight.jobs.tables.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest: read raw files, clean and stage them, let the gate look at the staged cases, keep
 * the quarantined rows, and MERGE the cases into {@code cases}. Counts go to the run summary;
 * {@code read = inserted + updated + unchanged + quarantined + superseded} always holds.
 */
public final class IngestStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  /** Looks at a staged batch before it is published; may refuse it. */
  public interface Gate {
    /** Returns normally to let the batch through; throws {@link BatchRejected} to refuse it. */
    void check(RunContext ctx, StagedBatch batch);
  }

  private final RunContext ctx;
  private final Gate gate;

  public IngestStage(RunContext ctx, Gate gate) {
    this.ctx = ctx;
    this.gate = gate;
  }

  public void run(String input, String explicitFormat) {
    run(input, explicitFormat, published -> { });
  }

  /**
   * Ingests, then hands the published batch's cases to {@code afterPublish} (later stages such
   * as drift) while they are still cached. Not called when the batch is refused.
   */
  public void run(String input, String explicitFormat, java.util.function.Consumer<Dataset<Row>> afterPublish) {
    RunSummary summary = ctx.summary();
    String casesPath = ctx.tablePath(Tables.CASES);
    String quarantinePath = ctx.tablePath(Tables.QUARANTINE);
    ctx.versions().remember(casesPath);
    ctx.versions().remember(quarantinePath);

    InputFiles inputs = new InputFiles(ctx.spark().sparkContext().hadoopConfiguration());
    List<String> files = ctx.stage("resolve-input", () -> inputs.resolve(input));
    InputFormat format = InputFiles.formatOf(files, explicitFormat);
    LOG.info("[{}] reading {} {} file(s)", ctx.runId(), files.size(), format);
    summary.section("input_files", files.stream().map(InputFiles::forSummary).toList());

    // finding where each split of a big CSV starts is a Spark job of its own
    Dataset<Row> raw = ctx.stage("split-input", () -> new RawCaseReader(ctx.spark()).read(files, format));
    int minNoteChars = ctx.settings().getInt("ingest.min_note_chars", 0, 1_000_000);
    Timestamp now = Timestamp.from(Instant.now());
    try (StagedBatch batch = ctx.stage("stage", () -> StagedBatch.stage(raw, minNoteChars, ctx.runId(), now))) {
      summary.count("read", batch.read());
      summary.count("quarantined", batch.quarantined());
      summary.count("superseded", batch.superseded());
      LOG.info("[{}] staged: read {}, usable {}, quarantined {}, superseded {}", ctx.runId(),
          batch.read(), batch.caseCount(), batch.quarantined(), batch.superseded());
      if (batch.read() == 0) {
        throw new JobFailure("the input has no rows: " + input);
      }
      if (batch.quarantined() > 0) {
        List<ReasonCount> reasons = QuarantineReasons.count(batch.quarantine());
        ctx.attach(RunReport.QUARANTINE_REASONS, reasons);
        Map<String, Long> byCode = new LinkedHashMap<>();
        reasons.forEach(r -> byCode.put(r.code(), r.count()));
        summary.section("quarantine_reasons", byCode);
      }

      try {
        if (batch.caseCount() == 0) {
          throw new BatchRejected("all " + batch.read() + " rows were quarantined; nothing to publish"
              + " (reasons are in the quarantine table)");
        }
        gate.check(ctx, batch);
      } catch (BatchRejected rejected) {
        summary.count("rejected", batch.caseCount());
        throw rejected;
      } finally {
        // quarantined rows are kept whatever the gate decides: they say what was wrong
        if (batch.quarantined() > 0) {
          ctx.stage("write-quarantine", () -> batch.quarantine().write().format("delta")
              .mode("append").save(quarantinePath));
        }
        long qv = ctx.versions().versionOf(quarantinePath);
        if (qv >= 0) {
          summary.tableVersion(Tables.QUARANTINE, qv);
        }
      }

      CasePublisher publisher = new CasePublisher(ctx.spark());
      CasePublisher.Changes changes = ctx.stage("diff", () -> publisher.diff(batch.cases(), casesPath));
      ctx.stage("publish", () -> publisher.publish(batch.cases(), casesPath, changes));
      summary.count("inserted", changes.inserted());
      summary.count("updated", changes.updated());
      summary.count("unchanged", changes.unchanged());
      summary.tableVersion(Tables.CASES, ctx.versions().versionOf(casesPath));
      LOG.info("[{}] published: inserted {}, updated {}, unchanged {}", ctx.runId(),
          changes.inserted(), changes.updated(), changes.unchanged());
      afterPublish.accept(batch.cases());
    }
  }
}
