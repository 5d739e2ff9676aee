package org.patientinsight.report;

import static org.patientinsight.report.Html.esc;

import java.util.List;
import java.util.Locale;

/** The report's near-duplicate section: the Warning check's figures and the top pairs, by id only. */
public final class NearDuplicateHtml {
  private NearDuplicateHtml() {}

  /** Two cases under different patient_uids whose notes are nearly the same. */
  public record UidPair(String uidA, String uidB, double jaccard) {}

  /** The check's outcome and figures, and the pairs to list. */
  public record View(String check, boolean passed, long casesInPairs, long checkedCases, double share,
      double minJaccard, double maxShare, long pairs, List<UidPair> topPairs) {}

  public static String render(View v) {
    StringBuilder h = new StringBuilder("<section class=\"pi-dups\">");
    h.append(String.format(Locale.ROOT, "<p>Check <b>%s</b> (Warning): %s · %d of %d checked cases (%.2f%%) have a "
        + "near-duplicate under another patient_uid (Jaccard of word shingles ≥ %.2f; at most %.2f%% allowed) · "
        + "%d pairs</p>", esc(v.check()), v.passed() ? "passed" : "<b style=\"color:#c62828\">failed</b>",
        v.casesInPairs(), v.checkedCases(), 100 * v.share(), v.minJaccard(), 100 * v.maxShare(), v.pairs()));
    if (!v.topPairs().isEmpty()) {
      h.append("<table><tr><th>patient_uid</th><th>patient_uid</th><th>Jaccard</th></tr>");
      for (UidPair p : v.topPairs()) {
        h.append("<tr><td>").append(esc(p.uidA())).append("</td><td>").append(esc(p.uidB())).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.3f", p.jaccard())).append("</td></tr>");
      }
      h.append("</table><p>Ids only; open the cases table to compare the notes.</p>");
    }
    return h.append("</section>").toString();
  }
}
