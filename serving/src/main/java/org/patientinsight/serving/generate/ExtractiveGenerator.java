package org.patientinsight.serving.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.patientinsight.serving.retrieval.RetrievedCase;

/**
 * The embedded default that needs no model or credentials: a structured summary assembled
 * from sentences of the retrieved cases (presentation, findings, treatments, outcomes), each
 * tagged with its case id. It is labelled as not written by a language model and makes no
 * recommendation of its own.
 */
public final class ExtractiveGenerator implements Generator {
  public static final String LABEL = "EXTRACTIVE SUMMARY - assembled verbatim from the retrieved "
      + "case reports by keyword rules; not written by a language model and not a diagnosis.";
  private static final int MAX_SENTENCE = 320;
  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
  private static final Set<String> STOP = Set.of("the", "a", "an", "of", "and", "or", "in", "on",
      "to", "for", "with", "was", "were", "is", "are", "be", "been", "what", "which", "who", "how",
      "did", "does", "do", "this", "that", "these", "those", "it", "its", "at", "by", "as", "from",
      "case", "cases", "patient", "patients", "any", "there", "their", "they", "he", "she", "his",
      "her", "after", "than", "then", "can", "could", "should", "would", "about", "into", "also");

  /** The report's sections and the words that put a sentence into them. */
  enum Section {
    OUTCOMES("Outcomes reported", "discharged", "recovered", "recovery", "resolved", "resolution",
        "improved", "improvement", "died", "death", "follow-up", "remission", "recurrence",
        "uneventful", "survived", "outcome"),
    TREATMENTS("Treatments used", "treated", "treatment", "therapy", "surgery", "surgical",
        "administered", "started on", "received", "resection", "antibiotic", "prescribed",
        "underwent", "mg", "dose", "chemotherapy", "managed"),
    FINDINGS("Findings", "revealed", "showed", "shown", "examination", "ct ", "mri", "x-ray",
        "ultrasound", "laboratory", "biopsy", "diagnosed", "diagnosis", "level", "count",
        "culture", "ecg", "ekg", "echocardiograph", "histolog", "demonstrated"),
    PRESENTATION("Presentation", "presented", "presents", "complain", "admitted", "history",
        "year-old", "onset", "symptom", "referred", "pain", "fever");

    final String heading;
    final String[] cues;

    Section(String heading, String... cues) {
      this.heading = heading;
      this.cues = cues;
    }
  }

  @Override
  public String name() {
    return "extractive";
  }

  @Override
  public boolean isLanguageModel() {
    return false;
  }

  @Override
  public Generation writeReport(CaseDescription current, List<RetrievedCase> similar) {
    long t0 = System.nanoTime();
    StringBuilder r = new StringBuilder(LABEL).append("\n\n");
    r.append("CURRENT CASE\n").append(current.symptoms().strip());
    if (current.age() != null || current.sex() != null) {
      r.append("\n(");
      if (current.age() != null) {
        r.append("age ").append(String.format(Locale.ROOT, "%.0f", current.age()));
      }
      if (current.sex() != null) {
        r.append(current.age() != null ? ", " : "").append(current.sex().equals("F") ? "female" : "male");
      }
      r.append(')');
    }
    r.append("\n\nSIMILAR CASES\n");
    for (RetrievedCase c : similar) {
      r.append("- [").append(c.patientUid()).append("] ");
      if (c.title() != null) {
        r.append(c.title());
      }
      if (c.pmid() != null) {
        r.append(" (PMID ").append(c.pmid()).append(')');
      }
      if (c.score() != null) {
        r.append(String.format(Locale.ROOT, ", similarity %.2f", c.score()));
      }
      r.append('\n');
    }
    Map<Section, List<String>> bySection = new HashMap<>();
    for (RetrievedCase c : similar) {
      Set<Section> used = new HashSet<>();
      // a sentence may serve several sections ("received X and recovered"); each case gives
      // each section its first matching sentence
      for (String s : SentenceSplitter.split(c.text())) {
        for (Section sec : classify(s)) {
          if (used.add(sec)) {
            bySection.computeIfAbsent(sec, k -> new ArrayList<>())
                .add("- [" + c.patientUid() + "] " + cut(s));
          }
        }
      }
    }
    for (Section sec : new Section[] {Section.PRESENTATION, Section.FINDINGS, Section.TREATMENTS,
        Section.OUTCOMES}) {
      r.append('\n').append(sec.heading.toUpperCase(Locale.ROOT)).append('\n');
      List<String> lines = bySection.get(sec);
      if (lines == null) {
        r.append("- none stated in the retrieved text\n");
      } else {
        lines.forEach(l -> r.append(l).append('\n'));
      }
    }
    r.append("\nRECOMMENDED APPROACH\nNot generated: no language model is configured. Compare the ")
        .append("treatments and outcomes above with the full case reports before deciding.");
    return new Generation(r.toString(), 0, 0, null, (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Answers by quoting the sentences of the report's cases that share the most content words
   * with the question; says so when none do.
   */
  @Override
  public Generation answer(String question, String report, List<RetrievedCase> similar) {
    long t0 = System.nanoTime();
    Set<String> q = words(question);
    record Hit(String caseId, String sentence, int overlap) {}
    List<Hit> hits = new ArrayList<>();
    for (RetrievedCase c : similar) {
      for (String s : SentenceSplitter.split(c.text())) {
        Set<String> w = words(s);
        w.retainAll(q);
        if (!w.isEmpty()) {
          hits.add(new Hit(c.patientUid(), s, w.size()));
        }
      }
    }
    hits.sort((a, b) -> Integer.compare(b.overlap, a.overlap)); // stable: case order breaks ties
    StringBuilder a = new StringBuilder("EXTRACTIVE ANSWER - sentences quoted from the analysis's "
        + "similar cases that share the most words with the question; not written by a language model.\n\n");
    if (hits.isEmpty()) {
      a.append("The similar cases of this analysis contain nothing that matches the question.");
    } else {
      hits.stream().limit(3).forEach(h -> a.append("- [").append(h.caseId).append("] ")
          .append(cut(h.sentence)).append('\n'));
    }
    return new Generation(a.toString().strip(), 0, 0, null, (System.nanoTime() - t0) / 1_000_000);
  }

  static Set<Section> classify(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT);
    Set<Section> out = java.util.EnumSet.noneOf(Section.class);
    for (Section sec : Section.values()) {
      for (String cue : sec.cues) {
        if (s.contains(cue)) {
          out.add(sec);
          break;
        }
      }
    }
    return out;
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() > 2 && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() <= MAX_SENTENCE ? s : s.substring(0, MAX_SENTENCE) + " [...]";
  }
}
