package org.patientinsight.jobs.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.core.vector.VectorRecord;

/**
 * Builds the vector-store record of a case: id = patient_uid, the vector, and the metadata
 * serving shows and filters on (pmid, title trimmed, age_years, gender, a note snippet,
 * content_hash), plus the whole note as "text" for stores that index it for keyword search.
 * Missing values are left out rather than stored as empty.
 */
public final class CaseRecords {
  /** Where a snippet may end early to avoid cutting a word: not before 80% of the limit. */
  private static final double WORD_CUT_FLOOR = 0.8;

  private CaseRecords() {}

  public static VectorRecord of(String patientUid, float[] vector, String pmid, String title,
      Double ageYears, String gender, String note, String contentHash, int snippetChars,
      boolean withText) {
    Map<String, Object> md = new LinkedHashMap<>();
    putText(md, "pmid", pmid);
    putText(md, "title", title);
    if (ageYears != null && Double.isFinite(ageYears)) {
      md.put("age_years", ageYears);
    }
    putText(md, "gender", gender);
    if (note != null && !note.isBlank()) {
      md.put("snippet", snippet(note, snippetChars));
      if (withText) {
        md.put("text", note);
      }
    }
    putText(md, "content_hash", contentHash);
    return new VectorRecord(patientUid, vector, md);
  }

  /**
   * The note's first {@code maxChars} characters (whitespace collapsed), cut at a word boundary
   * when one is near the end, with "…" when something was cut. Never splits a surrogate pair.
   */
  public static String snippet(String note, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("snippet length must be at least 1, got " + maxChars);
    }
    String flat = note.strip().replaceAll("\\s+", " ");
    if (flat.length() <= maxChars) {
      return flat;
    }
    int end = maxChars - 1; // room for the ellipsis
    if (Character.isHighSurrogate(flat.charAt(end - 1))) {
      end--;
    }
    int space = flat.lastIndexOf(' ', end);
    if (space >= (int) (maxChars * WORD_CUT_FLOOR)) {
      end = space;
    }
    return flat.substring(0, end).stripTrailing() + "…";
  }

  private static void putText(Map<String, Object> md, String key, String value) {
    if (value != null && !value.isBlank()) {
      md.put(key, value.strip());
    }
  }
}
