package org.patientinsight.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.contract.QuarantineCode;
import org.patientinsight.core.config.Settings;
import org.patientinsight.udfs.CaseCleaner;
import org.patientinsight.udfs.CleanedCase;
import org.patientinsight.udfs.NoteCleaner;
import org.patientinsight.udfs.RawCase;

class SampleGeneratorTest {

  private static final String HEADER =
      "patient_id,patient_uid,PMID,file_path,title,patient,age,gender,relevant_articles,similar_patients";

  private static String csv(SampleSpec spec) throws IOException {
    StringWriter w = new StringWriter();
    SampleGenerator.writeCsv(spec, w);
    return w.toString();
  }

  /** Parses the CSV as RFC 4180 with a real parser (the one Spark's CSV source uses). */
  private static List<String[]> parse(String csv) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setLineSeparator("\n");
    settings.getFormat().setQuote('"');
    settings.getFormat().setQuoteEscape('"');
    settings.setMaxCharsPerColumn(-1);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    return new CsvParser(settings).parseAll(new StringReader(csv));
  }

  @Test
  void sameSeedSameFileOtherSeedOtherFile() throws IOException {
    String a = csv(SampleSpec.of(400, 42));
    assertEquals(a, csv(SampleSpec.of(400, 42)));
    assertNotEquals(a, csv(SampleSpec.of(400, 43)));
  }

  @Test
  void headerRowCountAndMultiLineQuotedNotes() throws IOException {
    String text = csv(SampleSpec.of(1_000, 42));
    assertTrue(text.startsWith(HEADER + "\n"));
    List<String[]> rows = parse(text);
    assertEquals(HEADER, String.join(",", rows.get(0)));
    assertEquals(1_000, rows.size() - 1);
    rows.forEach(r -> assertEquals(10, r.length));
    assertTrue(rows.stream().skip(1).anyMatch(r -> r[5].contains("\n")), "notes span lines");
    assertTrue(text.lines().count() > 2_000, "records are multi-line");
  }

  @Test
  void csvRoundTripsEveryFieldExactly() throws IOException {
    SampleSpec spec = new SampleSpec(1_500, 9, 0.05, AgeMix.ADULT_DEFAULT);
    List<String[]> rows = parse(csv(spec));
    Iterator<SampleCase> truth = SampleGenerator.cases(spec);
    for (String[] row : rows.subList(1, rows.size())) {
      assertEquals(truth.next().fields(), Arrays.asList(row));
    }
    assertFalse(truth.hasNext());
  }

  @Test
  void jsonLinesHoldTheSameRows() throws IOException {
    SampleSpec spec = new SampleSpec(800, 5, 0.05, AgeMix.ADULT_DEFAULT);
    StringWriter w = new StringWriter();
    SampleStats stats = SampleGenerator.writeJsonl(spec, w);
    ObjectMapper json = new ObjectMapper();
    Iterator<SampleCase> truth = SampleGenerator.cases(spec);
    List<String> lines = w.toString().lines().toList();
    assertEquals(800, lines.size());
    assertEquals(800, stats.rowsWritten());
    for (String line : lines) {
      JsonNode node = json.readTree(line);
      List<String> values = new ArrayList<>();
      SampleGenerator.COLUMNS.forEach(c -> values.add(node.get(c).textValue()));
      assertEquals(truth.next().fields(), values);
    }
  }

  @Test
  void everyRowCleansAsExpectedAndOnlyEmptyNotesAreQuarantined() throws IOException {
    SampleSpec spec = new SampleSpec(3_000, 42, 0.05, AgeMix.ADULT_DEFAULT);
    CaseCleaner cleaner = new CaseCleaner(NoteLengthRule.from(Settings.defaults())); // the shipped rule
    List<String[]> rows = parse(csv(spec));
    Iterator<SampleCase> truth = SampleGenerator.cases(spec);
    Set<String> seenUids = new HashSet<>();
    int repeats = 0;
    for (String[] f : rows.subList(1, rows.size())) {
      SampleCase expected = truth.next();
      CleanedCase c = cleaner.clean(new RawCase(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]));
      DirtType dirt = expected.dirt();
      String where = "row " + f[0] + " dirt " + dirt;

      assertEquals(dirt == DirtType.EMPTY_NOTE, c.quarantined(), where + " " + c.reasons());
      if (dirt == DirtType.EMPTY_NOTE) {
        QuarantineCode code = c.reasons().get(0).code();
        assertTrue(code == QuarantineCode.EMPTY_NOTE || code == QuarantineCode.NOTE_TOO_SHORT, where);
        continue;
      }
      assertEquals(expected.trueAgeYears(), c.ageYears(), 1e-9, where);
      assertEquals(expected.trueSex(), c.gender(), where);
      boolean ageFromText = dirt == DirtType.MALFORMED_AGE || dirt == DirtType.MISSING_AGE;
      boolean sexFromText = dirt == DirtType.MISSING_GENDER || dirt == DirtType.UNKNOWN_GENDER;
      assertEquals(ageFromText ? "text" : "field", c.ageSource(), where);
      assertEquals(sexFromText ? "text" : "field", c.genderSource(), where);
      assertEquals(NoteCleaner.clean(expected.noteBeforeDirt()), c.note(), where);
      assertTrue(f[2].matches("\\d{7,8}") && f[1].startsWith(f[2] + "-"), where);

      boolean firstTime = seenUids.add(c.patientUid());
      assertEquals(dirt != DirtType.REPEATED_UID, firstTime, where);
      repeats += dirt == DirtType.REPEATED_UID ? 1 : 0;
      if (dirt == DirtType.HUGE_NOTE) {
        assertTrue(c.noteChars() > 100_000, where);
      }
    }
    assertTrue(repeats > 0);
  }

  @Test
  void dirtAppearsAtAboutTheRateWithEveryKind() {
    SampleStats stats = statsOf(new SampleSpec(20_000, 3, 0.02, AgeMix.ADULT_DEFAULT));
    double rate = stats.dirtyTotal() / 20_000.0;
    assertTrue(rate > 0.016 && rate < 0.024, "dirt rate " + rate);
    for (DirtType t : DirtType.values()) {
      assertTrue(stats.dirty(t) > 0, "no " + t);
    }
    assertTrue(stats.dirty(DirtType.HUGE_NOTE) < stats.dirty(DirtType.HTML_MARKUP), "huge notes stay rare");
    assertEquals(0, statsOf(new SampleSpec(2_000, 3, 0.0, AgeMix.ADULT_DEFAULT)).dirtyTotal());
    assertEquals(500, statsOf(new SampleSpec(500, 3, 1.0, AgeMix.ADULT_DEFAULT)).dirtyTotal());
  }

  @Test
  void smallDefaultSampleHoldsEveryKindOfDirt() {
    SampleStats stats = statsOf(SampleSpec.of(1_800, 42));
    for (DirtType t : DirtType.values()) {
      assertTrue(stats.dirty(t) > 0, "no " + t);
    }
  }

  @Test
  void adultMixLooksLikePmcPatients() {
    Dist d = dist(new SampleSpec(20_000, 11, 0.0, AgeMix.ADULT_DEFAULT));
    assertTrue(Math.abs(d.male - 0.52) < 0.015, "male share " + d.male);
    assertTrue(d.bulk20to80 > 0.75, "share aged 20-80 " + d.bulk20to80);
    assertTrue(d.underOneYear > 0.01 && d.underOneYear < 0.06, "under one " + d.underOneYear);
    assertTrue(d.newbornHoursOrDays > 0, "newborns stated in hours or days");
    assertTrue(d.centenarians > 0, "some over 100");
    assertTrue(d.medianChars > 1_600 && d.medianChars < 2_600, "median note " + d.medianChars);
    assertTrue(d.over20k > 0, "long tail past 20,000 chars");
  }

  @Test
  void paediatricMixIsMostlyChildren() {
    Dist d = dist(new SampleSpec(5_000, 11, 0.0, AgeMix.PAEDIATRIC_HEAVY));
    assertTrue(d.under18 > 0.7, "under 18 share " + d.under18);
    Dist adult = dist(new SampleSpec(5_000, 11, 0.0, AgeMix.ADULT_DEFAULT));
    assertTrue(adult.under18 < 0.15, "adult mix under 18 share " + adult.under18);
  }

  @Test
  void severalNotesPerArticle() {
    Set<String> pmids = new HashSet<>();
    long rows = 0;
    for (Iterator<SampleCase> it = SampleGenerator.cases(new SampleSpec(5_000, 2, 0.0, AgeMix.ADULT_DEFAULT));
        it.hasNext(); rows++) {
      SampleCase c = it.next();
      pmids.add(c.pmid());
      String k = c.patientUid().substring(c.pmid().length() + 1);
      assertTrue(k.matches("[1-6]"), c.patientUid());
    }
    double perArticle = rows / (double) pmids.size();
    assertTrue(perArticle > 1.3 && perArticle < 2.2, "notes per article " + perArticle);
  }

  @Test
  void badSpecsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SampleSpec(-1, 1, 0.02, AgeMix.ADULT_DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> new SampleSpec(1, 1, 1.5, AgeMix.ADULT_DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> new SampleSpec(1, 1, Double.NaN, AgeMix.ADULT_DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> new SampleSpec(1, 1, 0.02, null));
  }

  private static SampleStats statsOf(SampleSpec spec) {
    try {
      return SampleGenerator.writeCsv(spec, java.io.Writer.nullWriter());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Dist(double male, double bulk20to80, double underOneYear, long newbornHoursOrDays,
                      long centenarians, double under18, int medianChars, long over20k) {
  }

  private static Dist dist(SampleSpec spec) {
    List<Integer> lengths = new ArrayList<>();
    long male = 0;
    long bulk = 0;
    long underOne = 0;
    long newborn = 0;
    long over100 = 0;
    long under18 = 0;
    long over20k = 0;
    for (Iterator<SampleCase> it = SampleGenerator.cases(spec); it.hasNext(); ) {
      SampleCase c = it.next();
      double age = c.trueAgeYears();
      male += c.trueSex().equals("M") ? 1 : 0;
      bulk += age >= 20 && age <= 80 ? 1 : 0;
      underOne += age < 1 ? 1 : 0;
      newborn += c.age().contains("'hour'") || c.age().contains("'day'") ? 1 : 0;
      over100 += age >= 100 ? 1 : 0;
      under18 += age < 18 ? 1 : 0;
      over20k += c.patient().length() > 20_000 ? 1 : 0;
      lengths.add(c.patient().length());
    }
    double n = spec.rows();
    lengths.sort(null);
    return new Dist(male / n, bulk / n, underOne / n, newborn, over100, under18 / n,
        lengths.get(lengths.size() / 2), over20k);
  }
}
