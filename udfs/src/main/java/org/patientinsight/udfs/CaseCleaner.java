package org.patientinsight.udfs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.contract.QuarantineCode;

/**
 * Turns one raw PMC-Patients row into a {@link CleanedCase}: cleans title and note, parses the
 * literal fields, resolves age and sex with their sources, and computes the content hash.
 *
 * <p>Only rows that cannot be used are marked for quarantine: no patient_uid, an empty or
 * too-short note ({@link NoteLengthRule}), or an unreadable relevance dict. A broken dict is
 * quarantined rather than published as empty because those dicts are the retrieval ground
 * truth; an empty map would silently count as "no relevant articles". Age and sex problems never quarantine a row:
 * they show up as age_source / gender_source = text or none.
 */
public final class CaseCleaner {

  private final NoteLengthRule noteLength;

  public CaseCleaner(NoteLengthRule noteLength) {
    this.noteLength = noteLength;
  }

  public CleanedCase clean(RawCase raw) {
    List<QuarantineReason> reasons = new ArrayList<>();

    String uid = trimToNull(raw.patientUid());
    if (uid == null) {
      reasons.add(new QuarantineReason(QuarantineCode.MISSING_PATIENT_UID, "patient_uid is empty"));
    }
    String pmid = trimToNull(raw.pmid());
    String title = NoteCleaner.clean(raw.title());
    String note = NoteCleaner.clean(raw.patient());
    if (note.isEmpty()) {
      reasons.add(new QuarantineReason(QuarantineCode.EMPTY_NOTE, "patient note is empty after cleaning"));
    } else if (!noteLength.accepts(note.length())) {
      reasons.add(new QuarantineReason(QuarantineCode.NOTE_TOO_SHORT, "patient note has " + note.length()
          + " characters after cleaning; minimum is " + noteLength.minChars()));
    }
    Map<String, Integer> relevant = dict(raw.relevantArticles(), "relevant_articles",
        QuarantineCode.MALFORMED_RELEVANT_ARTICLES, reasons);
    Map<String, Integer> similar = dict(raw.similarPatients(), "similar_patients",
        QuarantineCode.MALFORMED_SIMILAR_PATIENTS, reasons);

    ResolvedDemographics who = DemographicsResolver.resolve(raw.age(), raw.gender(), note);
    String hash = hash(uid, pmid, title, note, who, relevant, similar);
    return new CleanedCase(uid, pmid, title, note, who.ageYears(), who.ageSource(), who.gender(),
        who.genderSource(), relevant, similar, note.length(), hash, reasons);
  }

  private static Map<String, Integer> dict(String raw, String field, QuarantineCode code,
      List<QuarantineReason> reasons) {
    try {
      return Collections.unmodifiableMap(PythonDict.parse(raw));
    } catch (LiteralSyntaxException e) {
      reasons.add(new QuarantineReason(code, field + " is not a Python dict literal: " + e.getMessage()));
      return Map.of();
    }
  }

  /**
   * Covers every published field, so an edited case gets a new hash and a re-read one keeps
   * it. Dict entries are hashed in key order: the same dict written in another order is the
   * same content.
   */
  static String hash(String uid, String pmid, String title, String note, ResolvedDemographics who,
           Map<String, Integer> relevant, Map<String, Integer> similar) {
    List<String> parts = new ArrayList<>();
    Collections.addAll(parts, uid, pmid, title, note,
        who.ageYears() == null ? null : Double.toString(who.ageYears()), who.ageSource(),
        who.gender(), who.genderSource());
    addDict(parts, relevant);
    addDict(parts, similar);
    return ContentHash.sha256(parts.toArray(String[]::new));
  }

  private static void addDict(List<String> parts, Map<String, Integer> dict) {
    parts.add(Integer.toString(dict.size()));
    new TreeMap<>(dict).forEach((k, v) -> {
      parts.add(k);
      parts.add(Integer.toString(v));
    });
  }

  private static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
