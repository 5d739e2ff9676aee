package org.patientinsight.serving.generate;

import java.util.List;
import java.util.Locale;
import org.patientinsight.serving.retrieval.RetrievedCase;

/**
 * The prompts, kept in the seed's structure: the current case; an analysis of the similar
 * cases (how they relate, treatments used, outcomes); a recommended approach; a professional
 * tone. Each case note is cut to {@code caseChars} so the prompt fits small-context models.
 */
public final class ReportPrompts {
  static final String SYSTEM = "You are an experienced physician writing a consultation report "
      + "for a colleague. Write in a professional, concise clinical tone. Ground every statement "
      + "in the current case or in the similar published cases given to you, and cite a case by "
      + "its number in square brackets, e.g. [2]. Say so when the evidence is weak or conflicting. "
      + "The report supports, and does not replace, clinical judgement.";

  private final int caseChars;

  public ReportPrompts(int caseChars) {
    this.caseChars = caseChars;
  }

  public Prompt report(CaseDescription current, List<RetrievedCase> similar) {
    StringBuilder u = new StringBuilder();
    u.append("## Current case\n").append(current.symptoms().strip()).append('\n');
    if (current.age() != null) {
      u.append("Age: ").append(formatAge(current.age())).append(" years\n");
    }
    if (current.sex() != null) {
      u.append("Sex: ").append(current.sex().equals("F") ? "female" : "male").append('\n');
    }
    appendCases(u, similar);
    u.append("\n## Task\nWrite a doctor's report with these sections:\n")
        .append("1. Current case: a short restatement of the presentation.\n")
        .append("2. Analysis of similar cases: how each case relates to the current one, the ")
        .append("treatments that were used and the outcomes that were reported.\n")
        .append("3. Recommended approach: the diagnostic work-up and management the evidence ")
        .append("above suggests, with the cases that support each point.\n")
        .append("Keep a professional tone.");
    return new Prompt(SYSTEM, u.toString());
  }

  public Prompt question(String question, String report, List<RetrievedCase> similar) {
    StringBuilder u = new StringBuilder();
    u.append("## Report\n").append(report.strip()).append('\n');
    appendCases(u, similar);
    u.append("\n## Question\n").append(question.strip()).append('\n')
        .append("\nAnswer the question using only the report and the similar cases above, citing ")
        .append("cases by number. If they do not contain the answer, say that they do not.");
    return new Prompt(SYSTEM, u.toString());
  }

  private void appendCases(StringBuilder u, List<RetrievedCase> similar) {
    u.append("\n## Similar published cases (most similar first)\n");
    int i = 1;
    for (RetrievedCase c : similar) {
      u.append("[").append(i++).append("] ").append(c.patientUid());
      if (c.pmid() != null) {
        u.append(", PMID ").append(c.pmid());
      }
      if (c.score() != null) {
        u.append(String.format(Locale.ROOT, ", similarity %.2f", c.score()));
      }
      if (c.title() != null) {
        u.append(" (").append(c.title()).append(')');
      }
      u.append('\n').append(cut(c.text())).append("\n\n");
    }
  }

  private String cut(String text) {
    String t = text == null ? "" : text.strip();
    return t.length() <= caseChars ? t : t.substring(0, caseChars) + " [...]";
  }

  private static String formatAge(double age) {
    return age == Math.rint(age) ? Long.toString((long) age) : String.format(Locale.ROOT, "%.1f", age);
  }
}
