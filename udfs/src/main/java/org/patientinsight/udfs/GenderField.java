package org.patientinsight.udfs;

import java.util.Locale;

/** Normalises the PMC-Patients {@code gender} field to "M", "F" or null (unknown). */
public final class GenderField {

  private GenderField() {
  }

  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "m", "male" -> "M";
      case "f", "female" -> "F";
      default -> null; // "U", blank and anything else: unknown, let the prose decide
    };
  }
}
