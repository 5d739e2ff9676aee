package org.patientinsight.jobs.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds small PMC-Patients-layout CSV files for tests, quoting as RFC 4180 does. */
public final class RawCsv {
  public static final String HEADER =
      "patient_id,patient_uid,PMID,file_path,title,patient,age,gender,relevant_articles,similar_patients";
  private final List<String> lines = new ArrayList<>();

  public RawCsv() {
    lines.add(HEADER);
  }

  /** A well-formed case. */
  public RawCsv row(String uid, String note, String age, String gender) {
    String pmid = uid.contains("-") ? uid.substring(0, uid.indexOf('-')) : uid;
    return raw("0", uid, pmid, "oa/x.xml", "Case report " + uid, note, age, gender,
        "{'" + pmid + "': 1}", "{}");
  }

  public RawCsv raw(String... fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(quote(fields[i]));
    }
    lines.add(b.toString());
    return this;
  }

  public Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  public static String quote(String f) {
    if (f == null) {
      return "";
    }
    return "\"" + f.replace("\"", "\"\"") + "\"";
  }

  /** A plausible note of some length that states age and sex in prose. */
  public static String note(int age, String sex, String extra) {
    String who = "M".equals(sex) ? "man" : "woman";
    return "A " + age + "-year-old " + who + " presented with fever of 39 °C and BP 145/89 mmHg.\n"
        + "She was given 2.5 mg/kg of the drug twice daily. " + extra;
  }
}
