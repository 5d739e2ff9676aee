package org.patientinsight.quality.history;

import static org.patientinsight.quality.deequ.ScalaInterop.none;
import static org.patientinsight.quality.deequ.ScalaInterop.some;

import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.anomalydetection.AbsoluteChangeStrategy;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import java.util.List;
import java.util.Locale;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.quality.QualityThresholds;

/** The anomaly checks run against the history: batch size and demographic completeness. */
public final class AnomalyRules {
  private AnomalyRules() {}

  public static List<AnomalyRule> build(QualityThresholds t) {
    double rate = t.batchSizeMaxRate();
    double change = t.completenessMaxChange();
    return List.of(
        new AnomalyRule("batch_size", "Size(*)",
            String.format(Locale.ROOT, "row count between %.2fx and %.2fx the previous batch",
                1 / rate, rate),
            new Size(none()),
            new RelativeRateOfChangeStrategy(some((Object) (1 / rate)), some((Object) rate), 1)),
        completeness("age_completeness_change", CasesTable.AGE_YEARS, change),
        completeness("gender_completeness_change", CasesTable.GENDER, change));
  }

  private static AnomalyRule completeness(String name, String column, double change) {
    return new AnomalyRule(name, "Completeness(" + column + ")",
        String.format(Locale.ROOT, "completeness(%s) within ±%.2f of the previous batch", column,
            change),
        new Completeness(column, none(), none()),
        new AbsoluteChangeStrategy(some((Object) (-change)), some((Object) change), 1));
  }
}
