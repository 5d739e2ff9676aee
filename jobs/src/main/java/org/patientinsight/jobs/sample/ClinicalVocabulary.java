package org.patientinsight.jobs.sample;

/** Word pools for synthetic case reports. Invented combinations; no real patient text. */
final class ClinicalVocabulary {

  private ClinicalVocabulary() {
  }

  static final String[] COMPLAINTS = {
    "chest pain", "shortness of breath", "fever and productive cough", "abdominal pain",
    "progressive dysphagia", "a generalized tonic-clonic seizure", "painless jaundice",
    "acute confusion", "palpitations", "hemoptysis", "lower limb swelling", "a painful rash",
    "worsening headache", "syncope", "hematuria", "weight loss and night sweats",
    "right upper quadrant pain", "diplopia", "acute kidney injury", "recurrent vomiting",
    "bloody diarrhea", "a neck mass", "back pain", "joint pain and morning stiffness"
  };

  static final String[] DURATIONS = {
    "2 days", "3 days", "5 days", "1 week", "2 weeks", "3 weeks", "1 month", "2 months",
    "6 months", "several hours", "12 hours", "10 days"
  };

  static final String[] CONDITIONS = {
    "hypertension", "type 2 diabetes mellitus", "chronic kidney disease stage 3",
    "hypothyroidism", "atrial fibrillation", "asthma", "chronic obstructive pulmonary disease",
    "rheumatoid arthritis", "hepatitis C infection", "dyslipidemia", "obesity", "epilepsy",
    "systemic lupus erythematosus", "coronary artery disease", "major depressive disorder",
    "iron deficiency anemia", "gastroesophageal reflux disease", "migraine"
  };

  static final String[] DESCRIPTORS = {
    "previously healthy", "Caucasian", "African-American", "Asian", "Hispanic", "nonsmoking",
    "obese", "otherwise healthy", "immunocompetent"
  };

  /** A drug as written in a note: "methotrexate 2.5 mg/kg weekly". */
  record Drug(String name, double dose, String unit, String frequency) {
  }

  /** A lab test with a plausible (often abnormal) range and how it is written. */
  record Lab(String name, double low, double high, int decimals, String unit) {
  }

  static final Drug[] DRUGS = drugs(new String[][] {
    {"metformin", "500", "mg", "twice daily"}, {"amlodipine", "5", "mg", "once daily"},
    {"atorvastatin", "40", "mg", "at night"}, {"levothyroxine", "75", "μg", "once daily"},
    {"prednisolone", "1", "mg/kg", "daily"}, {"methotrexate", "2.5", "mg/kg", "weekly"},
    {"ceftriaxone", "2", "g", "intravenously once daily"},
    {"vancomycin", "15", "mg/kg", "every 12 hours"}, {"enoxaparin", "1", "mg/kg", "every 12 hours"},
    {"furosemide", "40", "mg", "intravenously twice daily"}, {"omeprazole", "20", "mg", "daily"},
    {"piperacillin-tazobactam", "4.5", "g", "every 8 hours"}, {"acyclovir", "10", "mg/kg", "every 8 hours"},
    {"insulin glargine", "0.2", "units/kg", "at bedtime"}, {"paracetamol", "15", "mg/kg", "every 6 hours"},
    {"warfarin", "5", "mg", "daily"}, {"levetiracetam", "500", "mg", "twice daily"}
  });

  static final String[] EXAM_FINDINGS = {
    "bibasilar crackles", "a grade 3/6 systolic murmur at the apex", "right upper quadrant tenderness",
    "bilateral pitting edema to the knees", "a 2 × 3 cm firm, non-tender cervical lymph node",
    "scleral icterus", "decreased breath sounds at the right base", "neck stiffness",
    "a maculopapular rash over the trunk", "hepatosplenomegaly", "left-sided weakness (power 3/5)",
    "diffuse abdominal tenderness with guarding", "no focal neurological deficit"
  };

  static final Lab[] LABS = labs(new String[][] {
    {"hemoglobin", "6.5", "16.5", "1", "g/dL"}, {"white blood cell count", "2.1", "28.0", "1", "× 10^9/L"},
    {"platelet count", "45", "520", "0", "× 10^9/L"}, {"C-reactive protein", "1", "310", "0", "mg/L"},
    {"serum creatinine", "0.5", "6.8", "2", "mg/dL"}, {"sodium", "118", "149", "0", "mmol/L"},
    {"potassium", "2.8", "6.4", "1", "mmol/L"}, {"alanine aminotransferase", "12", "980", "0", "U/L"},
    {"total bilirubin", "0.3", "14.2", "1", "mg/dL"}, {"lactate", "0.8", "7.9", "1", "mmol/L"},
    {"troponin I", "0.01", "12.50", "2", "ng/mL"}, {"HbA1c", "5.1", "13.4", "1", "%"},
    {"D-dimer", "0.2", "9.8", "1", "mg/L FEU"}, {"procalcitonin", "0.05", "42.00", "2", "ng/mL"}
  });

  static final String[] MODALITIES = {
    "Computed tomography (CT)", "Magnetic resonance imaging (MRI)", "Ultrasonography", "A chest radiograph",
    "Contrast-enhanced CT", "Positron emission tomography (PET-CT)"
  };

  static final String[] SITES = {
    "chest", "abdomen and pelvis", "brain", "neck", "lumbar spine", "liver", "kidneys", "heart"
  };

  static final String[] IMAGING_FINDINGS = {
    "a 4.2 × 3.1 cm heterogeneous mass", "bilateral ground-glass opacities", "a moderate pericardial effusion",
    "multiple ring-enhancing lesions", "dilatation of the common bile duct to 11 mm", "no acute abnormality",
    "a segmental pulmonary embolism", "diffuse wall thickening of the terminal ileum",
    "a 7 mm obstructing calculus", "lytic lesions in the vertebral bodies"
  };

  static final String[] DIAGNOSES = {
    "pulmonary embolism", "Kawasaki disease", "tuberculous pericarditis", "acute pancreatitis",
    "neurosarcoidosis", "hemophagocytic lymphohistiocytosis", "IgG4-related disease",
    "thrombotic thrombocytopenic purpura", "infective endocarditis", "primary hyperparathyroidism",
    "autoimmune encephalitis", "Crohn's disease", "diffuse large B-cell lymphoma",
    "adrenal insufficiency", "Guillain-Barré syndrome", "cryptococcal meningitis"
  };

  static final String[] PROCEDURES = {
    "percutaneous drainage", "laparoscopic cholecystectomy", "endoscopic retrograde cholangiopancreatography",
    "a lumbar puncture", "a bone marrow biopsy", "pericardiocentesis", "an excisional lymph node biopsy",
    "plasma exchange", "coronary angiography"
  };

  static final String[] TITLE_FORMS = {
    "%s presenting as %s: a case report",
    "An unusual presentation of %s with %s",
    "%s mimicking %s: case report and review of the literature",
    "Delayed diagnosis of %s in a patient with %s"
  };

  private static Drug[] drugs(String[][] rows) {
    Drug[] out = new Drug[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new Drug(rows[i][0], Double.parseDouble(rows[i][1]), rows[i][2], rows[i][3]);
    }
    return out;
  }

  private static Lab[] labs(String[][] rows) {
    Lab[] out = new Lab[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new Lab(rows[i][0], Double.parseDouble(rows[i][1]), Double.parseDouble(rows[i][2]),
          Integer.parseInt(rows[i][3]), rows[i][4]);
    }
    return out;
  }
}
