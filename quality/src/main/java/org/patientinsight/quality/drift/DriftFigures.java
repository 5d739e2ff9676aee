package org.patientinsight.quality.drift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every drift figure between a baseline and a batch histogram. Undefined figures (an empty
 * side, a zero baseline mean) are NaN here and null in maps/JSON.
 *
 * @param nBaseline ages (with a value) in the baseline
 * @param nBatch ages (with a value) in the batch
 * @param rowsBatch all batch rows, including those without an age
 */
public record DriftFigures(long nBaseline, long nBatch, long rowsBaseline, long rowsBatch,
    double ksD, double ksP, double psi, double js,
    double meanBaseline, double meanBatch, double meanShiftYears, double meanShiftPercent,
    double medianBaseline, double medianBatch, double medianShiftYears, double medianShiftPercent,
    double missingShareBaseline, double missingShareBatch,
    double wassersteinYears, double wassersteinNormed, double stdBaseline) {

  /** Figures without the Wasserstein distance (NaN), as before it was added. */
  public DriftFigures(long nBaseline, long nBatch, long rowsBaseline, long rowsBatch,
      double ksD, double ksP, double psi, double js,
      double meanBaseline, double meanBatch, double meanShiftYears, double meanShiftPercent,
      double medianBaseline, double medianBatch, double medianShiftYears, double medianShiftPercent,
      double missingShareBaseline, double missingShareBatch) {
    this(nBaseline, nBatch, rowsBaseline, rowsBatch, ksD, ksP, psi, js, meanBaseline, meanBatch, meanShiftYears,
        meanShiftPercent, medianBaseline, medianBatch, medianShiftYears, medianShiftPercent, missingShareBaseline,
        missingShareBatch, Double.NaN, Double.NaN, Double.NaN);
  }

  public static DriftFigures compare(AgeHistogram baseline, AgeHistogram batch) {
    baseline.requireSameBins(batch);
    double d = KolmogorovSmirnov.statistic(baseline, batch);
    double meanA = baseline.mean();
    double meanB = batch.mean();
    double medA = baseline.median();
    double medB = batch.median();
    return new DriftFigures(baseline.count(), batch.count(), baseline.rows(), batch.rows(),
        d, KolmogorovSmirnov.pValue(d, baseline.count(), batch.count()),
        PopulationStabilityIndex.of(baseline, batch), JensenShannon.distance(baseline, batch),
        meanA, meanB, meanB - meanA, percent(meanB - meanA, meanA),
        medA, medB, medB - medA, percent(medB - medA, medA),
        baseline.missingShare(), batch.missingShare(),
        Wasserstein.distance(baseline, batch), Wasserstein.normalised(baseline, batch), Wasserstein.std(baseline));
  }

  private static double percent(double shift, double base) {
    return base == 0 ? Double.NaN : 100.0 * shift / base;
  }

  /** snake_case figures in a stable order (NaN as null), for JSON, tables and alerts. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n_baseline", nBaseline);
    m.put("n_batch", nBatch);
    m.put("rows_baseline", rowsBaseline);
    m.put("rows_batch", rowsBatch);
    m.put("ks_d", num(ksD));
    m.put("ks_p", num(ksP));
    m.put("psi", num(psi));
    m.put("js", num(js));
    m.put("mean_baseline_years", num(meanBaseline));
    m.put("mean_batch_years", num(meanBatch));
    m.put("mean_shift_years", num(meanShiftYears));
    m.put("mean_shift_pct", num(meanShiftPercent));
    m.put("median_baseline_years", num(medianBaseline));
    m.put("median_batch_years", num(medianBatch));
    m.put("median_shift_years", num(medianShiftYears));
    m.put("median_shift_pct", num(medianShiftPercent));
    m.put("missing_share_baseline", num(missingShareBaseline));
    m.put("missing_share_batch", num(missingShareBatch));
    m.put("wasserstein_years", num(wassersteinYears));
    m.put("wasserstein_norm", num(wassersteinNormed));
    m.put("std_baseline_years", num(stdBaseline));
    return m;
  }

  /** NaN and infinities as null (JSON has no NaN). */
  public static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
