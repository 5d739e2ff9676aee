package org.patientinsight.serving.analysis;

import java.util.regex.Pattern;

/** Analysis ids are lower-case UUIDs; anything else is "not found" (and never names a path). */
public final class AnalysisIds {
  private static final Pattern ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern OWNER = Pattern.compile("[a-z0-9-]{1,64}");

  private AnalysisIds() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Owner ids are key hash ids (hex) or "insecure-dev"; safe as a directory name. */
  public static boolean isValidOwner(String owner) {
    return owner != null && OWNER.matcher(owner).matches();
  }

  static void require(StoredAnalysis a) {
    if (!isValid(a.id())) {
      throw new IllegalArgumentException("analysis id must be a lower-case UUID");
    }
    if (!isValidOwner(a.owner())) {
      throw new IllegalArgumentException("analysis owner must be a key id");
    }
  }
}
