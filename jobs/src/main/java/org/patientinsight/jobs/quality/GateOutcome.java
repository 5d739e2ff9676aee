package org.patientinsight.jobs.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientinsight.contract.QualityRunsTable;
import org.patientinsight.jobs.run.StageResult;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.profile.ColumnProfile;
import org.patientinsight.quality.report.ReportStats;

/**
 * What the quality gate decided about a dataset, as a value: the checks' result with the
 * profile and stats the report shows, and the {@code quality_runs} version it wrote; or that
 * the gate was skipped on purpose. A refused batch is {@link #refuses()}, not an exception.
 */
public record GateOutcome(GateResult result, List<ColumnProfile> profile, ReportStats stats,
    long qualityRunsVersion) implements StageResult {

  public GateOutcome {
    profile = profile == null ? List.of() : List.copyOf(profile);
  }

  /** The gate was not run (--skip-quality). */
  public static GateOutcome skipped() {
    return new GateOutcome(null, List.of(), null, -1);
  }

  public boolean wasSkipped() {
    return result == null;
  }

  /** True when an Error-level check failed: the batch must not be published. */
  public boolean refuses() {
    return result != null && result.blocksPublish();
  }

  /** Why the batch is refused, naming each failed constraint with its observed value. */
  public String refusal() {
    return "quality gate failed: " + String.join("; ", result.blockingProblems());
  }

  @Override
  public Map<String, Long> tableVersions() {
    return qualityRunsVersion >= 0 ? Map.of(QualityRunsTable.NAME, qualityRunsVersion) : Map.of();
  }

  @Override
  public Map<String, Object> sections() {
    Map<String, Object> s = new LinkedHashMap<>();
    if (result == null) {
      s.put("status", "SKIPPED");
      s.put("skipped_by", "--skip-quality");
      return Map.of("quality", s);
    }
    s.put("status", result.status().name());
    s.put("checks", result.checks().size());
    long passed = result.checks().stream().filter(c -> c.passed()).count();
    s.put("passed_checks", passed);
    s.put("pass_ratio", result.checks().isEmpty() ? 1.0 : (double) passed / result.checks().size());
    s.put("failed_check_count", result.failedErrorChecks().size() + result.failedWarningChecks().size());
    s.put("failed_error_checks", result.blockingProblems());
    s.put("failed_warning_checks", result.failedWarningChecks().stream()
        .map(c -> c.name() + ": observed " + c.observed()).toList());
    s.put("anomalies", result.firedAnomalies().stream()
        .map(a -> a.level() + " " + a.name() + ": " + a.message()).toList());
    return Map.of("quality", s);
  }
}
