package org.patientinsight.serving.bench;

import org.patientinsight.core.config.WarehouseLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.VectorRecord;

/**
 * Builds {@code <warehouse>/vector_index} from made-up case notes for the load benchmark when
 * no pipeline-built index exists. The notes are synthetic (templated from a few conditions) and
 * embedded with the real model, so search costs what it costs on real notes of that length.
 * Usage: {@code SyntheticIndexBuilder <warehouse> [count]}.
 */
public final class SyntheticIndexBuilder {
  private record Condition(String title, String presentation, String finding, String treatment,
      String outcome) {}

  private static final List<Condition> CONDITIONS = List.of(
      new Condition("Acute myocardial infarction", "crushing chest pain radiating to the left arm",
          "ST elevation in the anterior leads and a raised troponin", "percutaneous coronary intervention",
          "recovered and was discharged on dual antiplatelet therapy"),
      new Condition("Community-acquired pneumonia", "fever, productive cough and breathlessness",
          "lobar consolidation on chest x-ray", "intravenous ceftriaxone and oxygen",
          "defervesced within 48 hours"),
      new Condition("Diabetic ketoacidosis", "vomiting, polyuria and drowsiness",
          "high glucose, ketonaemia and a metabolic acidosis", "intravenous fluids and insulin infusion",
          "had the acidosis resolve within a day"),
      new Condition("Pulmonary embolism", "sudden pleuritic chest pain and breathlessness",
          "filling defects on CT pulmonary angiography", "anticoagulation with apixaban",
          "improved and was well at three months"),
      new Condition("Bacterial meningitis", "headache, neck stiffness and photophobia",
          "a neutrophilic pleocytosis in the cerebrospinal fluid", "ceftriaxone and dexamethasone",
          "made a full recovery"),
      new Condition("Acute appendicitis", "right lower quadrant pain and low-grade fever",
          "a dilated non-compressible appendix on ultrasound", "laparoscopic appendectomy",
          "was discharged on the second day"),
      new Condition("Ischaemic stroke", "sudden right-sided weakness and slurred speech",
          "a left middle cerebral artery occlusion on CT angiography", "thrombolysis and thrombectomy",
          "regained most function after rehabilitation"),
      new Condition("Thyrotoxicosis", "weight loss, palpitations and tremor",
          "suppressed TSH with raised free thyroxine", "carbimazole and propranolol",
          "became euthyroid within two months"));

  private SyntheticIndexBuilder() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: SyntheticIndexBuilder <warehouse> [count]");
      System.exit(2);
    }
    WarehouseLayout layout = WarehouseLayout.of(args[0]);
    Path dir = layout.localPath(layout.vectorIndex());
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    MiniLmEmbedder embedder = MiniLmEmbedder.shared();
    Random rnd = new Random(42);
    long t0 = System.nanoTime();
    try (LocalVectorStore store = LocalVectorStore.open(dir)) {
      List<VectorRecord> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Condition c = CONDITIONS.get(rnd.nextInt(CONDITIONS.size()));
        int age = 1 + rnd.nextInt(90);
        String sex = rnd.nextBoolean() ? "F" : "M";
        String person = sex.equals("F") ? "woman" : "man";
        String note = String.format("A %d-year-old %s presented with %s over %d days. "
            + "Investigations showed %s. The patient was treated with %s and %s. "
            + "Synthetic benchmark case %d.", age, person, c.presentation(), 1 + rnd.nextInt(10),
            c.finding(), c.treatment(), c.outcome(), i);
        batch.add(new VectorRecord("synthetic-" + i, embedder.embed(note), Map.of(
            "pmid", Integer.toString(90_000_000 + i), "title", c.title() + " (synthetic)",
            "age_years", (double) age, "gender", sex,
            "snippet", note.substring(0, Math.min(300, note.length())),
            "content_hash", Integer.toHexString(note.hashCode()), "text", note)));
        if (batch.size() == 200) {
          store.upsert(batch);
          batch.clear();
        }
      }
      store.upsert(batch);
      System.out.printf("built %s with %d synthetic notes in %d ms%n", dir, store.count(),
          (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
