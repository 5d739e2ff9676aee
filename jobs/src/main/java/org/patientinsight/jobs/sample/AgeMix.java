package org.patientinsight.jobs.sample;

/** Which age distribution the sample generator draws patients from. */
public enum AgeMix {
  /** Like PMC-Patients: a few newborns and children, the bulk aged 20 to 80, some over 100. */
  ADULT_DEFAULT,
  /** Mostly under 18: a shifted batch for age-drift tests. */
  PAEDIATRIC_HEAVY
}
