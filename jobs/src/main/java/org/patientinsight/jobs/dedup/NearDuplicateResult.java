package org.patientinsight.jobs.dedup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientinsight.contract.NearDuplicatesTable;
import org.patientinsight.jobs.run.StageResult;
import org.patientinsight.report.NearDuplicateHtml;

/**
 * What the near-duplicate stage found: pairs at or above the Jaccard threshold, how many of the
 * batch's cases are in one, and the Warning-level check on that share. The top pairs are
 * identified by patient_uid only — a report never shows note text. {@code tableVersion} is the
 * {@code near_duplicates} version written (negative: nothing was written).
 */
public record NearDuplicateResult(long checkedCases, long pairs, long casesInPairs, double minJaccard,
    double maxShare, List<Pair> topPairs, long tableVersion) implements StageResult {
  public static final String CHECK = "near_duplicate_share";

  public record Pair(String uidA, String uidB, double jaccard) {}

  public NearDuplicateResult {
    topPairs = List.copyOf(topPairs);
  }

  /** Share of the checked cases that have a near-duplicate under another uid (0 with none checked). */
  public double share() {
    return checkedCases == 0 ? 0 : casesInPairs / (double) checkedCases;
  }

  public boolean checkPassed() {
    return share() <= maxShare;
  }

  @Override
  public Map<String, Object> sections() {
    return Map.of("near_duplicates", toSummaryMap());
  }

  @Override
  public Map<String, Long> tableVersions() {
    return tableVersion >= 0 ? Map.of(NearDuplicatesTable.NAME, tableVersion) : Map.of();
  }

  public Map<String, Object> toSummaryMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("checked_cases", checkedCases);
    m.put("pairs", pairs);
    m.put("cases_in_pairs", casesInPairs);
    m.put("share", share());
    m.put("min_jaccard", minJaccard);
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("name", CHECK);
    check.put("level", "Warning");
    check.put("status", checkPassed() ? "passed" : "failed");
    check.put("observed", share());
    check.put("max", maxShare);
    m.put("check", check);
    m.put("top_pairs", topPairs.stream().map(p -> Map.of("uid_a", p.uidA(), "uid_b", p.uidB(),
        "jaccard", p.jaccard())).toList());
    return m;
  }

  /** What the report shows of this result (ids and figures only). */
  public NearDuplicateHtml.View view() {
    return new NearDuplicateHtml.View(CHECK, checkPassed(), casesInPairs, checkedCases, share(), minJaccard,
        maxShare, pairs, topPairs.stream().map(p -> new NearDuplicateHtml.UidPair(p.uidA(), p.uidB(), p.jaccard()))
        .toList());
  }
}
