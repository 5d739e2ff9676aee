package org.patientinsight.core.tracking;

import java.nio.file.Path;
import java.util.Locale;

/** Content types for the report files we upload, so the MLflow UI previews them. */
final class ContentTypes {
  private ContentTypes() {
  }

  static String of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".txt") || name.endsWith(".log") || name.endsWith(".csv")) {
      return "text/plain; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
