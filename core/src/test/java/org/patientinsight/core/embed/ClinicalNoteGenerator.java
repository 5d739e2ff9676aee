package org.patientinsight.core.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, synthetic case-report notes of about 200 words for benchmarks (no patient
 * data): a case-report shape (presentation, history, examination, investigations, course)
 * filled from fixed phrase pools with a seeded random generator.
 */
final class ClinicalNoteGenerator {
  private static final String[] COMPLAINTS = {"progressive dyspnea and a productive cough",
      "acute onset of crushing substernal chest pain", "fever, chills and right flank pain",
      "a two-week history of painless jaundice and weight loss", "sudden left-sided weakness"
          + " and slurred speech", "recurrent episodes of syncope on exertion",
      "severe epigastric pain radiating to the back", "a rapidly enlarging neck mass",
      "intermittent hematuria and lower urinary tract symptoms", "generalized tonic-clonic"
          + " seizures"};
  private static final String[] HISTORY = {"Her past medical history was notable for"
      + " hypertension and type 2 diabetes mellitus treated with metformin.",
      "He had a 30 pack-year smoking history and drank alcohol occasionally.",
      "There was no relevant family history and no known drug allergies.",
      "She had undergone a laparoscopic cholecystectomy five years earlier.",
      "He was taking warfarin for paroxysmal atrial fibrillation.",
      "The patient had been diagnosed with rheumatoid arthritis and received methotrexate.",
      "Past history included chronic kidney disease stage 3 and gout."};
  private static final String[] EXAM = {"On examination the temperature was 38.6 C, heart rate"
      + " 112 beats per minute and blood pressure 98/60 mmHg.", "Physical examination revealed"
      + " bilateral crackles at the lung bases and pitting edema of both ankles.",
      "Abdominal examination showed tenderness in the right upper quadrant with a positive"
          + " Murphy sign.", "Neurological examination demonstrated left hemiparesis with"
          + " power 3/5 and an upgoing plantar response.", "A firm, non-tender, 4 cm mass was"
          + " palpable in the left lobe of the thyroid.", "Auscultation revealed a harsh"
          + " systolic ejection murmur radiating to the carotids."};
  private static final String[] LABS = {"Laboratory tests showed leukocytosis of 18,400 cells"
      + " per microliter and a C-reactive protein of 210 mg/L.", "Serum creatinine was 2.4"
      + " mg/dL and potassium 5.9 mmol/L.", "Liver function tests revealed total bilirubin of"
      + " 8.2 mg/dL and alkaline phosphatase of 640 U/L.", "Troponin I was elevated at 4.8"
      + " ng/mL and the electrocardiogram showed ST elevation in leads II, III and aVF.",
      "Hemoglobin was 7.9 g/dL with a mean corpuscular volume of 68 fL.", "Serum lipase was"
          + " more than three times the upper limit of normal."};
  private static final String[] IMAGING = {"Computed tomography of the chest demonstrated"
      + " bilateral segmental pulmonary emboli.", "Magnetic resonance imaging of the brain"
      + " showed an acute infarct in the right middle cerebral artery territory.",
      "Abdominal ultrasound revealed a dilated common bile duct and a mass in the pancreatic"
          + " head.", "Echocardiography showed severe aortic stenosis with a mean gradient of"
          + " 52 mmHg and preserved ejection fraction.", "Contrast-enhanced CT revealed a"
          + " heterogeneous renal mass with invasion of the renal vein.", "Fine-needle"
          + " aspiration cytology was consistent with papillary thyroid carcinoma."};
  private static final String[] COURSE = {"She was started on intravenous piperacillin-"
      + "tazobactam and fluids, and her condition improved over the following 72 hours.",
      "He underwent urgent percutaneous coronary intervention with placement of a"
          + " drug-eluting stent.", "Anticoagulation with low-molecular-weight heparin was"
          + " initiated and later switched to apixaban.", "The patient was referred for"
          + " surgical resection, and histopathology confirmed the diagnosis.",
      "Despite maximal supportive care the patient developed multi-organ failure.",
      "She was discharged on day nine and remained well at the six-month follow-up.",
      "Genetic testing identified a pathogenic variant, and family screening was offered.",
      "Corticosteroids were tapered over six weeks with complete resolution of symptoms."};

  private ClinicalNoteGenerator() {}

  static List<String> notes(int count, long seed) {
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(note(rnd));
    }
    return out;
  }

  private static String note(Random rnd) {
    int age = 1 + rnd.nextInt(90);
    String sex = rnd.nextBoolean() ? "woman" : "man";
    StringBuilder sb = new StringBuilder();
    sb.append("A ").append(age).append("-year-old ").append(sex).append(" presented to the"
        + " emergency department with ").append(pick(rnd, COMPLAINTS)).append(". ");
    String[][] pools = {HISTORY, EXAM, LABS, IMAGING, COURSE};
    int words = 0;
    int round = 0;
    while (words < 200) {
      String[] pool = pools[round % pools.length];
      sb.append(pick(rnd, pool)).append(' ');
      words = sb.toString().split("\\s+").length;
      round++;
    }
    return sb.toString().trim();
  }

  private static String pick(Random rnd, String[] pool) {
    return pool[rnd.nextInt(pool.length)];
  }
}
