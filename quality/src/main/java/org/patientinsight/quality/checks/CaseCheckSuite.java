package org.patientinsight.quality.checks;

import static org.patientinsight.contract.CasesTable.AGE_SOURCE;
import static org.patientinsight.contract.CasesTable.AGE_YEARS;
import static org.patientinsight.contract.CasesTable.GENDER;
import static org.patientinsight.contract.CasesTable.GENDER_SOURCE;
import static org.patientinsight.contract.CasesTable.NOTE;
import static org.patientinsight.contract.CasesTable.NOTE_CHARS;
import static org.patientinsight.contract.CasesTable.PATIENT_UID;
import static org.patientinsight.contract.CasesTable.PMID;
import static org.patientinsight.contract.CasesTable.TITLE;
import static org.patientinsight.quality.deequ.ScalaInterop.none;
import static org.patientinsight.quality.deequ.ScalaInterop.some;

import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel$;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import org.patientinsight.contract.DemographicSource;
import org.patientinsight.quality.CheckLevel;
import org.patientinsight.quality.QualityThresholds;
import org.patientinsight.quality.deequ.ScalaInterop;
import scala.Function1;
import scala.util.matching.Regex;

/**
 * The checks every batch of cleaned cases must pass (Error) or should pass (Warning). Each
 * rule is its own Deequ check with one constraint; Deequ still computes all of them in as few
 * passes over the data as it can.
 */
public final class CaseCheckSuite {
  /** Ages are plausible human ages in years. */
  public static final double MIN_AGE = 0.0;
  public static final double MAX_AGE = 120.0;
  /** The SQL literal of a value read from the note's prose (age_source / gender_source). */
  private static final String FROM_TEXT = "'" + DemographicSource.TEXT + "'";

  private CaseCheckSuite() {}

  public static List<CaseCheck> build(QualityThresholds t) {
    List<CaseCheck> out = new ArrayList<>();
    // --- Error: block publishing ---
    out.add(new CaseCheck("batch_not_empty", CheckLevel.ERROR, "row count > 0",
        ObservedFormat.ROWS, error("batch_not_empty").hasSize(is(v -> v > 0), none())));
    out.add(new CaseCheck("patient_uid_complete", CheckLevel.ERROR,
        "completeness(patient_uid) = 1", ObservedFormat.COMPLETENESS,
        error("patient_uid_complete").isComplete(PATIENT_UID, none(), none())));
    out.add(new CaseCheck("patient_uid_unique", CheckLevel.ERROR,
        "uniqueness(patient_uid) = 1", ObservedFormat.UNIQUENESS,
        error("patient_uid_unique").isUnique(PATIENT_UID, none(), none())));
    out.add(new CaseCheck("note_complete", CheckLevel.ERROR, "completeness(note) = 1",
        ObservedFormat.COMPLETENESS, error("note_complete").isComplete(NOTE, none(), none())));
    out.add(new CaseCheck("note_min_length", CheckLevel.ERROR,
        "shortest note >= " + t.minNoteChars() + " chars", ObservedFormat.CHARS,
        error("note_min_length").hasMinLength(NOTE, is(v -> v >= t.minNoteChars()),
            some("notes must have at least " + t.minNoteChars() + " characters"), none())));
    out.add(new CaseCheck("pmid_digits", CheckLevel.ERROR, "every pmid matches ^[0-9]+$",
        ObservedFormat.COMPLIANCE,
        error("pmid_digits").hasPattern(PMID, new Regex("^[0-9]+$", ScalaInterop.seq(List.of())),
            is(v -> v == 1.0), some("pmid all digits"), some("PMIDs are numeric"), none())));
    out.add(new CaseCheck("age_in_range", CheckLevel.ERROR,
        "age_years within [" + fmt(MIN_AGE) + ", " + fmt(MAX_AGE) + "] where present",
        ObservedFormat.COMPLIANCE,
        error("age_in_range").isContainedIn(AGE_YEARS, MIN_AGE, MAX_AGE, true, true,
            some("ages are in years between " + fmt(MIN_AGE) + " and " + fmt(MAX_AGE)), none())));
    out.add(new CaseCheck("gender_values", CheckLevel.ERROR, "gender in {M, F} where present",
        ObservedFormat.COMPLIANCE,
        error("gender_values").isContainedIn(GENDER, new String[] {"M", "F"},
            some("gender is M or F"))));
    out.add(new CaseCheck("age_completeness", CheckLevel.ERROR,
        "completeness(age_years) >= " + fmt(t.minAgeCompleteness()), ObservedFormat.COMPLETENESS,
        error("age_completeness").hasCompleteness(AGE_YEARS,
            is(v -> v >= t.minAgeCompleteness()), none(), none())));
    out.add(new CaseCheck("gender_completeness", CheckLevel.ERROR,
        "completeness(gender) >= " + fmt(t.minGenderCompleteness()), ObservedFormat.COMPLETENESS,
        error("gender_completeness").hasCompleteness(GENDER,
            is(v -> v >= t.minGenderCompleteness()), none(), none())));
    // --- Warning: reported, the batch still publishes ---
    out.add(new CaseCheck("age_from_text_share", CheckLevel.WARNING,
        "share of ages read from prose <= " + fmt(t.maxAgeFromTextShare()), ObservedFormat.SHARE,
        warning("age_from_text_share").satisfies(AGE_SOURCE + " = " + FROM_TEXT, "age from text",
            is(v -> v <= t.maxAgeFromTextShare()), none(), ScalaInterop.emptyList(), none())));
    out.add(new CaseCheck("gender_from_text_share", CheckLevel.WARNING,
        "share of genders read from prose <= " + fmt(t.maxGenderFromTextShare()),
        ObservedFormat.SHARE,
        warning("gender_from_text_share").satisfies(GENDER_SOURCE + " = " + FROM_TEXT,
            "gender from text", is(v -> v <= t.maxGenderFromTextShare()), none(),
            ScalaInterop.emptyList(), none())));
    out.add(new CaseCheck("note_length_outliers", CheckLevel.WARNING,
        "no note longer than " + t.noteLengthMaxChars() + " chars", ObservedFormat.COMPLIANCE,
        warning("note_length_outliers").satisfies(
            NOTE_CHARS + " IS NULL OR " + NOTE_CHARS + " <= " + t.noteLengthMaxChars(),
            "note length within bound", is(v -> v == 1.0), none(), ScalaInterop.emptyList(),
            none())));
    out.add(new CaseCheck("title_completeness", CheckLevel.WARNING,
        "completeness(title) >= " + fmt(t.minTitleCompleteness()), ObservedFormat.COMPLETENESS,
        warning("title_completeness").hasCompleteness(TITLE,
            is(v -> v >= t.minTitleCompleteness()), none(), none())));
    return out;
  }

  private static Check error(String name) {
    return new Check(CheckLevel$.MODULE$.Error(), name, ScalaInterop.seq(List.of()));
  }

  private static Check warning(String name) {
    return new Check(CheckLevel$.MODULE$.Warning(), name, ScalaInterop.seq(List.of()));
  }

  /** A Deequ assertion (Scala Double => Boolean) from a Java predicate. */
  static Function1<Object, Object> is(DoublePredicate p) {
    return v -> p.test(((Number) v).doubleValue());
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
