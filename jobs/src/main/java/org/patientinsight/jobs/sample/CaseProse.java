package org.patientinsight.jobs.sample;

import static org.patientinsight.jobs.sample.ClinicalVocabulary.COMPLAINTS;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.CONDITIONS;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.DESCRIPTORS;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.DIAGNOSES;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.DRUGS;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.DURATIONS;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.EXAM_FINDINGS;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.IMAGING_FINDINGS;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.LABS;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.MODALITIES;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.PROCEDURES;
import static org.patientinsight.jobs.sample.ClinicalVocabulary.SITES;

import java.util.Locale;
import java.util.SplittableRandom;
import org.patientinsight.jobs.sample.ClinicalVocabulary.Drug;
import org.patientinsight.jobs.sample.ClinicalVocabulary.Lab;

/**
 * Writes a synthetic case report the way published ones read: an opening sentence that states
 * age and sex ("A 58-year-old woman presented with..."), then history, medications, vitals,
 * examination, labs, imaging, treatment and hospital course with doses and units, in
 * paragraphs separated by newlines, until the requested length is reached.
 */
final class CaseProse {

  private final SplittableRandom rng;
  private final SampledAge age;
  private final boolean male;
  private final String he;
  private final String his;

  CaseProse(SplittableRandom rng, SampledAge age, String sex) {
    this.rng = rng;
    this.age = age;
    this.male = "M".equals(sex);
    this.he = male ? "he" : "she";
    this.his = male ? "his" : "her";
  }

  /** A note of at least about {@code targetChars} characters (the last paragraph may overshoot). */
  String note(int targetChars) {
    StringBuilder sb = new StringBuilder(targetChars + 400);
    sb.append(opening());
    sb.append(' ').append(history());
    sb.append(' ').append(medications());
    sb.append("\n").append(vitals()).append(' ').append(exam());
    sb.append(' ').append(labs(4 + rng.nextInt(4)));
    int day = 1;
    while (sb.length() < targetChars - 250) {
      sb.append(rng.nextInt(3) == 0 ? "\n\n" : "\n");
      day += 1 + rng.nextInt(3);
      sb.append(courseParagraph(day));
    }
    sb.append('\n').append(outcome(day + 1 + rng.nextInt(5)));
    return sb.toString();
  }

  /** The title of an article about this kind of case (shared by all notes of one PMID). */
  static String title(SplittableRandom rng) {
    String form = pick(rng, ClinicalVocabulary.TITLE_FORMS);
    String t = String.format(Locale.ROOT, form, pick(rng, DIAGNOSES), pick(rng, COMPLAINTS));
    return Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  private String opening() {
    String complaint = pick(COMPLAINTS);
    String noun = noun();
    int form = rng.nextInt(age.isAdult() ? 6 : 4);
    return switch (form) {
      case 0 -> cap(article(age.proseAmount())) + " " + agePhrase() + " " + noun
          + " presented to the emergency department with " + complaint + " of " + pick(DURATIONS) + " duration.";
      case 1 -> cap(article(age.proseAmount())) + " " + agePhrase() + " " + noun + " with a history of "
          + pick(CONDITIONS) + " was admitted with " + complaint + ".";
      case 2 -> "We report the case of " + article(age.proseAmount()) + " " + agePhrase() + " " + noun
          + " who presented with " + complaint + ".";
      case 3 -> cap(article(age.proseAmount())) + " " + agePhrase() + " " + noun + " was referred to our hospital for "
          + complaint + " that had started " + pick(DURATIONS) + " earlier.";
      case 4 -> cap(article(age.proseAmount())) + " " + age.proseAmount() + " yo " + (male ? "male" : "female")
          + " presented with " + complaint + ".";
      default -> cap(article(age.proseAmount())) + " " + agePhrase() + " " + pick(DESCRIPTORS) + " " + noun
          + " presented with " + complaint + ".";
    };
  }

  private String agePhrase() {
    return age.proseAmount() + "-" + age.proseUnit() + "-old";
  }

  private String noun() {
    if (age.isNeonate()) {
      return (male ? "male" : "female") + (rng.nextBoolean() ? " neonate" : " newborn");
    }
    if (age.years() < 1) {
      return rng.nextBoolean() ? (male ? "male infant" : "female infant") : (male ? "boy" : "girl");
    }
    if (!age.isAdult()) {
      return rng.nextInt(4) == 0 ? (male ? "male" : "female") : (male ? "boy" : "girl");
    }
    int u = rng.nextInt(10);
    if (u < 7) {
      return male ? "man" : "woman";
    }
    if (u < 9) {
      return male ? "male" : "female";
    }
    return male ? "gentleman" : "lady";
  }

  private String history() {
    if (!age.isAdult() || rng.nextInt(5) == 0) {
      return cap(his) + " past medical history was unremarkable, and " + his + " vaccinations were up to date.";
    }
    return cap(his) + " past medical history was significant for " + pick(CONDITIONS) + " and "
        + pick(CONDITIONS) + ". " + cap(he) + " denied tobacco use and drank alcohol occasionally.";
  }

  private String medications() {
    return cap(his) + " regular medications included " + dose(pickDrug()) + " and " + dose(pickDrug()) + ".";
  }

  private String vitals() {
    double temp = 36.2 + rng.nextInt(43) / 10.0;
    int sbp = 85 + rng.nextInt(90);
    int dbp = 45 + rng.nextInt(50);
    int hr = 55 + rng.nextInt(90);
    int rr = 12 + rng.nextInt(22);
    int spo2 = 84 + rng.nextInt(16);
    return "On admission, " + his + " temperature was " + fixed(temp, 1) + " °C, blood pressure " + sbp + "/"
        + Math.min(dbp, sbp - 20) + " mmHg, heart rate " + hr + " beats/min, respiratory rate " + rr
        + " breaths/min and oxygen saturation " + spo2 + "% on room air.";
  }

  private String exam() {
    return "Physical examination revealed " + pick(EXAM_FINDINGS) + " and " + pick(EXAM_FINDINGS) + ".";
  }

  private String labs(int n) {
    StringBuilder sb = new StringBuilder("Laboratory tests showed ");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(i == n - 1 ? " and " : ", ");
      }
      sb.append(lab(pickLab()));
    }
    return sb.append('.').toString();
  }

  private String courseParagraph(int day) {
    return switch (rng.nextInt(5)) {
      case 0 -> pick(MODALITIES) + " of the " + pick(SITES) + " on day " + day + " showed "
          + pick(IMAGING_FINDINGS) + ".";
      case 1 -> "On day " + day + ", " + he + " was started on " + dose(pickDrug()) + ". " + labs(2 + rng.nextInt(3));
      case 2 -> cap(pick(PROCEDURES)) + " was performed on day " + day + " without complications, and "
          + "histopathology was consistent with " + pick(DIAGNOSES) + ".";
      case 3 -> "By day " + day + ", " + his + " temperature had fallen to "
          + fixed(36.5 + rng.nextInt(15) / 10.0, 1) + " °C and repeat tests showed "
          + lab(pickLab()) + ".";
      default -> adjustment(pickDrug(), day);
    };
  }

  private String outcome(int day) {
    return cap(he) + " was discharged on day " + day + " with a final diagnosis of " + pick(DIAGNOSES)
        + ". At the " + (3 + rng.nextInt(10)) + "-month follow-up visit, " + he + " remained "
        + pick(new String[] {"asymptomatic", "well", "in remission", "stable on treatment"}) + ".";
  }

  private String adjustment(Drug d, int day) {
    boolean lower = rng.nextBoolean();
    double dose = d.dose() * (lower ? 0.5 : 1.5);
    return "The dose of " + d.name() + " was " + (lower ? "reduced" : "increased") + " to " + plain(dose) + " "
        + d.unit() + " " + d.frequency() + " on day " + day + " because of "
        + pick(lower ? LOWER_REASONS : RAISE_REASONS) + ".";
  }

  private static final String[] LOWER_REASONS = {"worsening renal function", "hypotension", "elevated liver enzymes"};
  private static final String[] RAISE_REASONS = {"persistent fever", "an inadequate response", "subtherapeutic levels"};

  private static String dose(Drug d) {
    return d.name() + " " + plain(d.dose()) + " " + d.unit() + " " + d.frequency();
  }

  private String lab(Lab lab) {
    double v = lab.low() + (lab.high() - lab.low()) * rng.nextDouble();
    String unit = lab.unit().equals("%") ? "%" : " " + lab.unit();
    return lab.name() + " " + fixed(v, lab.decimals()) + unit;
  }

  private Drug pickDrug() {
    return DRUGS[rng.nextInt(DRUGS.length)];
  }

  private Lab pickLab() {
    return LABS[rng.nextInt(LABS.length)];
  }

  /** 2.5 stays "2.5", 40.0 becomes "40". */
  static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : fixed(v, 2).replaceAll("0+$", "");
  }

  /** Fixed decimals without String.format, which dominates generation time on 167k notes. */
  static String fixed(double v, int decimals) {
    long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
    long n = Math.round(v * scale);
    if (decimals == 0) {
      return Long.toString(n);
    }
    String digits = Long.toString(Math.abs(n));
    while (digits.length() <= decimals) {
      digits = "0" + digits;
    }
    int point = digits.length() - decimals;
    return (n < 0 ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
  }

  private String pick(String[] pool) {
    return pick(rng, pool);
  }

  private static String pick(SplittableRandom rng, String[] pool) {
    return pool[rng.nextInt(pool.length)];
  }

  /** "an" before eight, eleven, eighteen and the eighties, as spoken. */
  static String article(int n) {
    String s = Integer.toString(n);
    boolean an = s.startsWith("8") || n == 11 || n == 18;
    return an ? "an" : "a";
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
