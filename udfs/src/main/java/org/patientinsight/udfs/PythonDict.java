package org.patientinsight.udfs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the PMC-Patients relevance fields ({@code relevant_articles}, {@code similar_patients}),
 * Python dict literals of quoted ids to integer scores such as {@code {'7665777-2': 2}}.
 */
public final class PythonDict {

  private PythonDict() {
  }

  /**
   * @return the entries in file order; empty for null or blank input
   * @throws LiteralSyntaxException when the text is not a dict of string keys to integers
   */
  public static Map<String, Integer> parse(String raw) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    PythonLiteralReader in = new PythonLiteralReader(raw, "dict");
    in.expect('{');
    while (!in.accept('}')) {
      String key = in.readString();
      in.expect(':');
      out.put(key, in.readInt());
      if (!in.accept(',')) {
        in.expect('}');
        break;
      }
    }
    in.expectEnd();
    return out;
  }
}
