package org.patientinsight.quality.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Age histograms of one data set: overall (every row, whatever its sex) and per sex. Rows whose
 * sex is neither M nor F count only in {@code overall}.
 */
public record AgeHistograms(AgeHistogram overall, AgeHistogram male, AgeHistogram female) {
  public static final String MALE = "M";
  public static final String FEMALE = "F";

  public AgeHistograms {
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(male, "male");
    Objects.requireNonNull(female, "female");
    overall.requireSameBins(male);
    overall.requireSameBins(female);
  }

  /** The per-sex histograms keyed "M" and "F". */
  public Map<String, AgeHistogram> bySex() {
    Map<String, AgeHistogram> m = new LinkedHashMap<>();
    m.put(MALE, male);
    m.put(FEMALE, female);
    return m;
  }

  public AgeHistograms plus(AgeHistograms o) {
    return new AgeHistograms(overall.plus(o.overall), male.plus(o.male), female.plus(o.female));
  }

  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.set("overall", overall.toJson());
    n.set(MALE, male.toJson());
    n.set(FEMALE, female.toJson());
    return n;
  }

  public static AgeHistograms fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("'histograms' must be an object with overall, M and F");
    }
    return new AgeHistograms(AgeHistogram.fromJson(n.get("overall")), AgeHistogram.fromJson(n.get(MALE)),
        AgeHistogram.fromJson(n.get(FEMALE)));
  }
}
