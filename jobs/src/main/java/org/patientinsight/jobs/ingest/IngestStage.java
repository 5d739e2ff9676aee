package org.patientinsight.jobs.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.contract.QuarantineTable;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.quality.report.ReasonCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's three steps, each returning what it did: read, clean and {@link #stage} raw files;
 * {@link #keepQuarantine} the unusable rows (whatever the gate decides: they say what was
 * wrong); {@link #publish} the cases into {@code cases} with a MERGE.
 * {@code read = inserted + updated + unchanged + quarantined + superseded} always holds.
 */
public final class IngestStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  private final RunContext ctx;
  private final String casesPath;
  private final String quarantinePath;

  public IngestStage(RunContext ctx) {
    this.ctx = ctx;
    this.casesPath = ctx.layout().table(CasesTable.NAME);
    this.quarantinePath = ctx.layout().table(QuarantineTable.NAME);
    ctx.versions().remember(casesPath);
    ctx.versions().remember(quarantinePath);
  }

  /** A staged batch (held in Spark until closed) and what staging it found. */
  public record Staged(StagedBatch batch, IngestResult result) implements AutoCloseable {
    @Override
    public void close() {
      batch.close();
    }
  }

  /** Reads and cleans the input; fails (not rejects) when it has no rows at all. */
  public Staged stage(String input, String explicitFormat) {
    InputFiles inputs = new InputFiles(ctx.spark().sparkContext().hadoopConfiguration());
    List<String> files = ctx.stage("resolve-input", () -> inputs.resolve(input));
    InputFormat format = InputFiles.formatOf(files, explicitFormat);
    LOG.info("[{}] reading {} {} file(s)", ctx.runId(), files.size(), format);

    // finding where each split of a big CSV starts is a Spark job of its own
    Dataset<Row> raw = ctx.stage("split-input", () -> new RawCaseReader(ctx.spark()).read(files, format));
    NoteLengthRule noteLength = NoteLengthRule.from(ctx.settings());
    Timestamp now = Timestamp.from(Instant.now());
    StagedBatch batch = ctx.stage("stage", () -> StagedBatch.stage(raw, noteLength, ctx.runId(), now));
    LOG.info("[{}] staged: read {}, usable {}, quarantined {}, superseded {}", ctx.runId(),
        batch.read(), batch.caseCount(), batch.quarantined(), batch.superseded());
    List<ReasonCount> reasons = batch.quarantined() > 0 ? QuarantineReasons.count(batch.quarantine()) : List.of();
    IngestResult result = new IngestResult(files.stream().map(InputFiles::forSummary).toList(),
        batch.read(), batch.quarantined(), batch.superseded(), reasons);
    if (batch.read() == 0) {
      batch.close();
      ctx.results().add(result);
      throw new JobFailure("the input has no rows: " + input);
    }
    return new Staged(batch, result);
  }

  /** Appends the batch's quarantined rows to {@code quarantine}. */
  public QuarantineResult keepQuarantine(StagedBatch batch) {
    if (batch.quarantined() > 0) {
      ctx.stage("write-quarantine", () -> batch.quarantine().write().format("delta")
          .mode("append").save(quarantinePath));
    }
    return new QuarantineResult(ctx.versions().versionOf(quarantinePath));
  }

  /** MERGEs the batch's cases into {@code cases}: new uids inserted, changed content updated. */
  public PublishResult publish(StagedBatch batch) {
    CasePublisher publisher = new CasePublisher(ctx.spark());
    CasePublisher.Changes changes = ctx.stage("diff", () -> publisher.diff(batch.cases(), casesPath));
    ctx.stage("publish", () -> publisher.publish(batch.cases(), casesPath, changes));
    LOG.info("[{}] published: inserted {}, updated {}, unchanged {}", ctx.runId(),
        changes.inserted(), changes.updated(), changes.unchanged());
    return new PublishResult(changes.inserted(), changes.updated(), changes.unchanged(),
        ctx.versions().versionOf(casesPath));
  }
}
