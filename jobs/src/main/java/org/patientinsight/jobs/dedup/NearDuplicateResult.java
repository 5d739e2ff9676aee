package org.patientinsight.jobs.dedup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the near-duplicate stage found: pairs at or above the Jaccard threshold, how many of the
 * batch's cases are in one, and the Warning-level check on that share. The top pairs are
 * identified by patient_uid only — a report never shows note text.
 */
public record NearDuplicateResult(long checkedCases, long pairs, long casesInPairs, double minJaccard,
    double maxShare, List<Pair> topPairs) {
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

  public String html() {
    StringBuilder h = new StringBuilder("<section class=\"pi-dups\">");
    h.append(String.format(Locale.ROOT, "<p>Check <b>%s</b> (Warning): %s · %d of %d checked cases (%.2f%%) have a "
        + "near-duplicate under another patient_uid (Jaccard of word shingles ≥ %.2f; at most %.2f%% allowed) · "
        + "%d pairs</p>", CHECK, checkPassed() ? "passed" : "<b style=\"color:#c62828\">failed</b>", casesInPairs,
        checkedCases, 100 * share(), minJaccard, 100 * maxShare, pairs));
    if (!topPairs.isEmpty()) {
      h.append("<table><tr><th>patient_uid</th><th>patient_uid</th><th>Jaccard</th></tr>");
      for (Pair p : topPairs) {
        h.append("<tr><td>").append(esc(p.uidA())).append("</td><td>").append(esc(p.uidB())).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.3f", p.jaccard())).append("</td></tr>");
      }
      h.append("</table><p>Ids only; open the cases table to compare the notes.</p>");
    }
    return h.append("</section>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
