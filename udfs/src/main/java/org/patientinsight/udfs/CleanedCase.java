package org.patientinsight.udfs;

import java.util.List;
import java.util.Map;

/**
 * A case after cleaning: the published columns of the {@code cases} table, plus the reasons
 * (if any) why it must go to quarantine instead.
 */
public record CleanedCase(
    String patientUid,
    String pmid,
    String title,
    String note,
    Double ageYears,
    String ageSource,
    String gender,
    String genderSource,
    Map<String, Integer> relevantArticles,
    Map<String, Integer> similarPatients,
    int noteChars,
    String contentHash,
    List<QuarantineReason> reasons) {

  public CleanedCase {
    reasons = List.copyOf(reasons);
  }

  public boolean quarantined() {
    return !reasons.isEmpty();
  }
}
