package org.patientinsight.quality;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.MetricsRepository;
import com.amazon.deequ.repository.ResultKey;
import com.amazon.deequ.repository.fs.FileSystemMetricsRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.quality.deequ.DeequMetrics;
import org.patientinsight.quality.deequ.ScalaInterop;

/**
 * The metrics of earlier quality runs, kept in a Deequ {@link FileSystemMetricsRepository}
 * (one JSON file; any Hadoop path, so {@code s3a://} works). Every run is stored under its
 * run time with tags {@code run_id}, {@code dataset} and {@code gate} (passed/rejected).
 * Anomaly checks compare only with earlier <em>passed</em> runs of the same dataset, so a
 * rejected batch never becomes the baseline for the next one.
 */
public final class QualityHistory {
  public static final String TAG_RUN_ID = "run_id";
  public static final String TAG_DATASET = "dataset";
  public static final String TAG_GATE = "gate";
  public static final String GATE_PASSED = "passed";
  public static final String GATE_REJECTED = "rejected";

  private final MetricsRepository repository;
  private final String path;
  private final String dataset;

  private QualityHistory(MetricsRepository repository, String path, String dataset) {
    this.repository = repository;
    this.path = path;
    this.dataset = dataset;
  }

  /**
   * @param metricsPath file of the repository: {@code WarehouseLayout.qualityMetrics()}
   * @param dataset which series this is, e.g. {@code staged_batch} or {@code cases_table}
   */
  public static QualityHistory open(SparkSession spark, String metricsPath, String dataset) {
    Objects.requireNonNull(spark, "spark");
    if (metricsPath == null || metricsPath.isBlank()) {
      throw new IllegalArgumentException("metricsPath must not be blank");
    }
    if (dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException("dataset must not be blank");
    }
    return new QualityHistory(new FileSystemMetricsRepository(spark, metricsPath), metricsPath,
        dataset);
  }

  public String path() {
    return path;
  }

  public String dataset() {
    return dataset;
  }

  /** Tags that select this dataset's accepted runs (the anomaly baseline). */
  Map<String, String> baselineTags() {
    return Map.of(TAG_DATASET, dataset, TAG_GATE, GATE_PASSED);
  }

  /** The Deequ repository, for the gate's anomaly checks (Deequ stays in this package). */
  MetricsRepository repository() {
    return repository;
  }

  /** Whether an earlier accepted run exists before {@code time}. */
  public boolean hasBaseline(Instant time) {
    return !baseline(time).isEmpty();
  }

  /** The value a metric had in the latest accepted run before {@code time}, or null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Double previousValue(Analyzer<?, ?> analyzer, Instant time) {
    List<AnalysisResult> runs = baseline(time);
    if (runs.isEmpty()) {
      return null;
    }
    AnalysisResult last = runs.get(runs.size() - 1);
    Metric<?> m = (Metric<?>) ScalaInterop.orNull(
        (scala.Option) last.analyzerContext().metric((Analyzer) analyzer));
    return DeequMetrics.valueOf(m);
  }

  /** Number of stored runs of this dataset (accepted and rejected). */
  public int runCount() {
    return ScalaInterop.list(repository.load()
        .withTagValues(ScalaInterop.map(Map.of(TAG_DATASET, dataset))).get()).size();
  }

  /** Stores one run's metrics. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void save(Instant time, String runId, boolean passed,
      Map<Analyzer<?, ?>, Metric<?>> metrics) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(TAG_RUN_ID, runId);
    tags.put(TAG_DATASET, dataset);
    tags.put(TAG_GATE, passed ? GATE_PASSED : GATE_REJECTED);
    ResultKey key = new ResultKey(time.toEpochMilli(), ScalaInterop.map(tags));
    repository.save(key, new AnalyzerContext((scala.collection.immutable.Map) ScalaInterop.map(
        (Map) metrics)));
  }

  private List<AnalysisResult> baseline(Instant time) {
    List<AnalysisResult> runs = ScalaInterop.list(repository.load()
        .withTagValues(ScalaInterop.map(baselineTags()))
        .before(time.toEpochMilli() - 1)
        .get());
    runs.sort(Comparator.comparingLong(r -> r.resultKey().dataSetDate()));
    return runs;
  }
}
