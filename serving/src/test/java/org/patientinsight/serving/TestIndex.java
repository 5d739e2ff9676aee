package org.patientinsight.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.VectorRecord;

/**
 * A small real index for tests: synthetic case notes embedded with the real MiniLM model
 * into a real local store, built once per test JVM (one embedder per JVM).
 */
public final class TestIndex {
  public record Note(String uid, String pmid, String title, double age, String sex, String text) {}

  public static final List<Note> NOTES = List.of(
      new Note("1001-1", "1001", "Acute myocardial infarction in a hypertensive woman", 58, "F",
          "A 58-year-old woman presented with crushing chest pain radiating to the left arm and "
          + "diaphoresis. Electrocardiography showed ST elevation in the anterior leads and troponin "
          + "was raised. She was treated with emergency percutaneous coronary intervention and a "
          + "drug-eluting stent. She recovered well and was discharged on day five."),
      new Note("1002-1", "1002", "Community-acquired pneumonia in a child", 8, "M",
          "An 8-year-old boy presented with fever, cough and shortness of breath for three days. "
          + "Chest x-ray revealed a left lower lobe consolidation. He received intravenous "
          + "ceftriaxone and oxygen. Fever resolved within 48 hours and he was discharged."),
      new Note("1003-1", "1003", "Diabetic ketoacidosis at first presentation", 19, "F",
          "A 19-year-old woman was admitted with vomiting, abdominal pain, polyuria and drowsiness. "
          + "Laboratory tests showed glucose of 32 mmol/L, ketonaemia and a metabolic acidosis. "
          + "She was treated with intravenous fluids and an insulin infusion. Her acidosis resolved "
          + "and she was discharged on basal-bolus insulin."),
      new Note("1004-1", "1004", "Pulmonary embolism after long-haul travel", 45, "M",
          "A 45-year-old man complained of sudden pleuritic chest pain and breathlessness after a "
          + "long flight. CT pulmonary angiography demonstrated bilateral pulmonary emboli. He was "
          + "anticoagulated with low-molecular-weight heparin and then apixaban. He improved and "
          + "follow-up imaging at three months showed resolution."),
      new Note("1005-1", "1005", "Bacterial meningitis in a young adult", 22, "M",
          "A 22-year-old student presented with headache, neck stiffness, photophobia and fever. "
          + "Lumbar puncture showed a neutrophilic pleocytosis and culture grew Neisseria "
          + "meningitidis. He received ceftriaxone and dexamethasone and made a full recovery."),
      new Note("1006-1", "1006", "Appendicitis in pregnancy", 31, "F",
          "A 31-year-old pregnant woman presented with right lower quadrant pain, nausea and low "
          + "grade fever. Ultrasound revealed a dilated non-compressible appendix. She underwent "
          + "laparoscopic appendectomy and the pregnancy continued uneventfully."),
      new Note("1007-1", "1007", "Hip fracture after a fall in an older woman", 84, "F",
          "An 84-year-old woman with osteoporosis fell at home and could not bear weight. X-ray "
          + "showed a displaced intracapsular fracture of the femoral neck. She underwent "
          + "hemiarthroplasty and was discharged to rehabilitation."),
      new Note("1008-1", "1008", "Migraine with aura", 27, "F",
          "A 27-year-old woman complained of recurrent unilateral throbbing headaches preceded by "
          + "zigzag visual disturbance. Neurological examination and MRI were normal. She was "
          + "treated with sumatriptan and propranolol prophylaxis, and her attacks became rare."));

  private static Path dir;

  private TestIndex() {}

  /** The index directory (built on first call), to be opened read-only by each server. */
  public static synchronized Path dir() {
    if (dir == null) {
      try {
        Path d = Files.createTempDirectory("serving-test-index");
        build(d, NOTES);
        dir = d;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  public static void build(Path d, List<Note> notes) {
    MiniLmEmbedder embedder = MiniLmEmbedder.shared();
    List<VectorRecord> records = new ArrayList<>();
    for (Note n : notes) {
      records.add(new VectorRecord(n.uid(), embedder.embed(n.text()), Map.of(
          "pmid", n.pmid(), "title", n.title(), "age_years", n.age(), "gender", n.sex(),
          "snippet", n.text().substring(0, Math.min(300, n.text().length())),
          "content_hash", Integer.toHexString(n.text().hashCode()), "text", n.text())));
    }
    try (LocalVectorStore store = LocalVectorStore.open(d)) {
      store.upsert(records);
    }
  }
}
