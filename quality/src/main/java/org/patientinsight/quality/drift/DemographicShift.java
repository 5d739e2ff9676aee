package org.patientinsight.quality.drift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who the cases are about, beyond age: the female share among rows with a known sex, and how
 * complete age and sex are, baseline vs batch. A batch can keep its age curve and still move
 * here (a run of obstetric reports; a source that stopped sending ages). NaN where a side has
 * no rows.
 */
public record DemographicShift(double femaleShareBaseline, double femaleShareBatch,
    double ageCompletenessBaseline, double ageCompletenessBatch,
    double sexCompletenessBaseline, double sexCompletenessBatch) {

  public static DemographicShift compare(AgeHistograms baseline, AgeHistograms batch) {
    return new DemographicShift(femaleShare(baseline), femaleShare(batch),
        ageCompleteness(baseline), ageCompleteness(batch), sexCompleteness(baseline), sexCompleteness(batch));
  }

  static double femaleShare(AgeHistograms h) {
    long known = h.male().rows() + h.female().rows();
    return known == 0 ? Double.NaN : h.female().rows() / (double) known;
  }

  static double ageCompleteness(AgeHistograms h) {
    long rows = h.overall().rows();
    return rows == 0 ? Double.NaN : h.overall().count() / (double) rows;
  }

  static double sexCompleteness(AgeHistograms h) {
    long rows = h.overall().rows();
    return rows == 0 ? Double.NaN : (h.male().rows() + h.female().rows()) / (double) rows;
  }

  /** Absolute change of the female share (0..1), NaN if undefined. */
  public double femaleShareChange() {
    return Math.abs(femaleShareBatch - femaleShareBaseline);
  }

  public double ageCompletenessChange() {
    return ageCompletenessBatch - ageCompletenessBaseline;
  }

  public double sexCompletenessChange() {
    return sexCompletenessBatch - sexCompletenessBaseline;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("female_share_baseline", DriftFigures.num(femaleShareBaseline));
    m.put("female_share_batch", DriftFigures.num(femaleShareBatch));
    m.put("female_share_change", DriftFigures.num(femaleShareChange()));
    m.put("age_completeness_baseline", DriftFigures.num(ageCompletenessBaseline));
    m.put("age_completeness_batch", DriftFigures.num(ageCompletenessBatch));
    m.put("age_completeness_change", DriftFigures.num(ageCompletenessChange()));
    m.put("sex_completeness_baseline", DriftFigures.num(sexCompletenessBaseline));
    m.put("sex_completeness_batch", DriftFigures.num(sexCompletenessBatch));
    m.put("sex_completeness_change", DriftFigures.num(sexCompletenessChange()));
    return m;
  }
}
