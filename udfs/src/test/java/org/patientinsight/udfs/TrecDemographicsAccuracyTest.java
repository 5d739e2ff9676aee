package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.patientinsight.contract.DemographicSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Acceptance check on real text nobody on the team wrote: the 60 TREC CDS 2014/2015A topic
 * descriptions, each treated as a case with empty age and gender fields, against labels read
 * by hand (src/test/resources/trec/). Age counts as right within 0.1 years, which also covers
 * month-based ages ("6-month-old" = 0.5); "no age/sex" is right only when nothing is extracted.
 */
class TrecDemographicsAccuracyTest {

  private static final double AGE_TOLERANCE_YEARS = 0.1;
  private static final double REQUIRED_ACCURACY = 0.95;

  private record Label(String file, String number, Double age, String sex) {
  }

  @Test
  void extractorReadsAgeAndSexOfTheSixtyTrecCases() throws Exception {
    Path dir = trecDir();
    List<Label> labels = labels();
    assertEquals(60, labels.size(), "label file rows");

    Map<String, Map<String, String>> descriptions = new HashMap<>();
    int ageRight = 0;
    int sexRight = 0;
    List<String> misses = new ArrayList<>();
    for (Label label : labels) {
      String description = descriptions.computeIfAbsent(label.file, f -> descriptions(dir.resolve(f)))
          .get(label.number);
      assertTrue(description != null && !description.isBlank(), "description " + label.file + "/" + label.number);
      ResolvedDemographics got = DemographicsResolver.resolve("", "", NoteCleaner.clean(description));

      boolean ageOk = label.age == null ? got.ageYears() == null
          : got.ageYears() != null && Math.abs(got.ageYears() - label.age) <= AGE_TOLERANCE_YEARS;
      boolean sexOk = label.sex == null ? got.gender() == null : label.sex.equals(got.gender());
      ageRight += ageOk ? 1 : 0;
      sexRight += sexOk ? 1 : 0;
      if (!ageOk || !sexOk) {
        misses.add(label.file + "/" + label.number + " expected " + label.age + "," + label.sex
            + " got " + got.ageYears() + "," + got.gender());
      }
      if (got.ageYears() != null) {
        assertEquals(DemographicSource.TEXT, got.ageSource());
      }
    }
    double ageAccuracy = ageRight / (double) labels.size();
    double sexAccuracy = sexRight / (double) labels.size();
    System.out.printf("TREC CDS demographics: age accuracy %.4f (%d/%d), sex accuracy %.4f (%d/%d)%n",
        ageAccuracy, ageRight, labels.size(), sexAccuracy, sexRight, labels.size());
    misses.forEach(m -> System.out.println("  miss: " + m));
    assertTrue(ageAccuracy >= REQUIRED_ACCURACY, "age accuracy " + ageAccuracy + " misses " + misses);
    assertTrue(sexAccuracy >= REQUIRED_ACCURACY, "sex accuracy " + sexAccuracy + " misses " + misses);
  }

  private static Path trecDir() {
    String shared = System.getProperty("pi.shared.dir");
    Path dir = shared == null ? null : Path.of(shared, "data", "trec-cds");
    if (dir == null || !Files.isDirectory(dir)) {
      String why = "TREC CDS topics not found (system property pi.shared.dir=" + shared + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + "; CI must have ../shared/data");
      }
      Assumptions.abort(why);
    }
    return dir;
  }

  private static List<Label> labels() throws Exception {
    List<Label> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TrecDemographicsAccuracyTest.class.getResourceAsStream("/trec/trec-cds-demographics-labels.csv"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("topic_file") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        out.add(new Label(f[0], f[1], f[2].isEmpty() ? null : Double.valueOf(f[2]),
            f[3].isEmpty() ? null : f[3]));
      }
    }
    return out;
  }

  private static Map<String, String> descriptions(Path file) {
    try {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
      NodeList topics = doc.getElementsByTagName("topic");
      Map<String, String> out = new HashMap<>();
      for (int i = 0; i < topics.getLength(); i++) {
        Element topic = (Element) topics.item(i);
        out.put(topic.getAttribute("number"),
            topic.getElementsByTagName("description").item(0).getTextContent());
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
