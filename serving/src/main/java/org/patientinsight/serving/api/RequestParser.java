package org.patientinsight.serving.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.serving.config.ServingConfig;
import org.patientinsight.serving.generate.CaseDescription;
import org.patientinsight.serving.retrieval.RetrievalMode;

/**
 * Turns request bodies into validated requests. Every problem becomes a 400 that names the
 * field, including unknown fields (a typo such as "symptom" should not be silently ignored).
 * Hostile shapes stop at the parser: nesting deeper than {@value #MAX_DEPTH} or a number
 * longer than {@value #MAX_NUMBER_CHARS} characters is a 400 naming the field it sits in, and
 * every number is range-checked before it is converted (2^64+1 is not "1").
 */
public final class RequestParser {
  static final int MAX_DEPTH = 16;
  static final int MAX_NUMBER_CHARS = 40;
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_CHARS).build())
      .build());
  private static final Set<String> ANALYSIS_FIELDS = Set.of("symptoms", "age", "sex", "topK",
      "filters", "retrievalMode");
  private static final Set<String> FILTER_FIELDS = Set.of("ageMin", "ageMax", "sex");
  private static final Set<String> QUESTION_FIELDS = Set.of("question");
  private static final double MAX_AGE = 150;

  private final int topKDefault;
  private final int maxSymptoms;
  private final int maxQuestion;

  public RequestParser(ServingConfig cfg) {
    this(cfg.topKDefault(), cfg.maxSymptomsChars(), cfg.maxQuestionChars());
  }

  public RequestParser(int topKDefault, int maxSymptoms, int maxQuestion) {
    this.topKDefault = topKDefault;
    this.maxSymptoms = maxSymptoms;
    this.maxQuestion = maxQuestion;
  }

  public AnalysisRequest analysis(byte[] body) {
    JsonNode root = object(body);
    checkFields(root, ANALYSIS_FIELDS, "");
    String symptoms = text(root, "symptoms", maxSymptoms);
    Double age = number(root.get("age"), "age", 0, MAX_AGE);
    String sex = sex(root.get("sex"), "sex");
    int topK = topKDefault;
    JsonNode k = root.get("topK");
    if (k != null && !k.isNull()) {
      // canConvertToInt before intValue: a BigInteger such as 2^64+1 must not wrap around
      if (!k.isIntegralNumber() || !k.canConvertToInt() || k.intValue() < 1
          || k.intValue() > ServingConfig.MAX_TOP_K) {
        throw ApiError.badField("topK", "topK must be an integer from 1 to " + ServingConfig.MAX_TOP_K);
      }
      topK = k.intValue();
    }
    SearchFilter filter = SearchFilter.NONE;
    JsonNode f = root.get("filters");
    if (f != null && !f.isNull()) {
      if (!f.isObject()) {
        throw ApiError.badField("filters", "filters must be an object {ageMin, ageMax, sex}");
      }
      checkFields(f, FILTER_FIELDS, "filters.");
      Double min = number(f.get("ageMin"), "filters.ageMin", 0, MAX_AGE);
      Double max = number(f.get("ageMax"), "filters.ageMax", 0, MAX_AGE);
      if (min != null && max != null && min > max) {
        throw ApiError.badField("filters.ageMin", "filters.ageMin must not exceed filters.ageMax");
      }
      filter = new SearchFilter(min, max, sex(f.get("sex"), "filters.sex"));
    }
    RetrievalMode mode = null;
    JsonNode m = root.get("retrievalMode");
    if (m != null && !m.isNull()) {
      try {
        mode = RetrievalMode.valueOf(m.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiError.badField("retrievalMode", "retrievalMode must be dense, bm25 or hybrid");
      }
      if (!m.isTextual()) {
        throw ApiError.badField("retrievalMode", "retrievalMode must be dense, bm25 or hybrid");
      }
    }
    return new AnalysisRequest(new CaseDescription(symptoms, age, sex), topK, filter, mode);
  }

  public String question(byte[] body) {
    JsonNode root = object(body);
    checkFields(root, QUESTION_FIELDS, "");
    return text(root, "question", maxQuestion);
  }

  private static JsonNode object(byte[] body) {
    if (body.length == 0) {
      throw ApiError.badField("body", "request body is empty; send a JSON object");
    }
    JsonNode root;
    JsonParser parser = null;
    try {
      parser = JSON.createParser(body);
      root = JSON.readTree(parser);
      if (parser.nextToken() != null) {
        throw ApiError.badField("body", "request body has content after the JSON object");
      }
    } catch (StreamConstraintsException e) {
      String field = fieldAt(parser);
      throw ApiError.badField(field, (field.equals("body") ? "request body" : field)
          + " is nested deeper than " + MAX_DEPTH + " levels or holds a number longer than "
          + MAX_NUMBER_CHARS + " characters");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw ApiError.badField("body", "request body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (java.io.IOException e) {
      throw ApiError.badField("body", "request body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw ApiError.badField("body", "request body must be a JSON object");
    }
    return root;
  }

  /** The field the parser stopped in ("filters.ageMin", "topK"), or "body" at the top. */
  static String fieldAt(JsonParser parser) {
    if (parser == null) {
      return "body";
    }
    List<String> names = new ArrayList<>();
    for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
      names.add(0, c.inObject() ? c.getCurrentName() : null);
    }
    // names[0] is the root; names[1] the top-level object's current field, and so on
    StringBuilder path = new StringBuilder();
    for (int i = 1; i < names.size() && i <= 2; i++) {
      String n = names.get(i);
      if (n == null) {
        break; // an array, or no field yet
      }
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(n.length() > 40 ? n.substring(0, 40) + "..." : n);
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  private static void checkFields(JsonNode obj, Set<String> allowed, String prefix) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        throw ApiError.badField(prefix + shown, "unknown field '" + prefix + shown + "'; allowed: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode root, String field, int max) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      throw ApiError.badField(field, field + " is required");
    }
    if (!n.isTextual()) {
      throw ApiError.badField(field, field + " must be a string");
    }
    String s = n.asText().strip();
    if (s.isEmpty()) {
      throw ApiError.badField(field, field + " must not be empty");
    }
    if (s.length() > max) {
      throw ApiError.badField(field, field + " is " + s.length() + " characters; at most " + max
          + " are accepted");
    }
    return s;
  }

  private static Double number(JsonNode n, String field, double min, double max) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber()) {
      throw ApiError.badField(field, field + " must be a number of years");
    }
    double d = n.asDouble();
    if (!(d >= min && d <= max)) {
      throw ApiError.badField(field, field + " must be between " + (int) min + " and " + (int) max);
    }
    return d;
  }

  private static String sex(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return null;
    }
    String s = n.isTextual() ? n.asText().trim().toUpperCase(Locale.ROOT) : "";
    if (!s.equals("M") && !s.equals("F")) {
      throw ApiError.badField(field, field + " must be \"M\" or \"F\"");
    }
    return s;
  }
}
