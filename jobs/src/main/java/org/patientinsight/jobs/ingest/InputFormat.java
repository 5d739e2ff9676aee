package org.patientinsight.jobs.ingest;

import java.util.Locale;

/** The raw-case file formats ingest reads. */
public enum InputFormat {
  CSV, JSONL;

  /** From a file name's extension, or null when it says nothing. */
  public static InputFormat fromFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".csv")) {
      return CSV;
    }
    if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSONL;
    }
    return null;
  }

  public static InputFormat parse(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "csv": return CSV;
      case "json": case "jsonl": case "ndjson": return JSONL;
      default: throw new IllegalArgumentException("--format must be csv or jsonl, got '" + value + "'");
    }
  }
}
