package org.patientinsight.jobs.lease;

/**
 * The answer to one attempt at taking the lease: {@code acquired} with our generation, or not
 * with the generation that keeps us out. {@code tookOverFrom} names an expired holder we replaced.
 */
public record Acquisition(boolean acquired, LeaseRecord record, LeaseHolder tookOverFrom) {
  static Acquisition won(LeaseRecord mine, LeaseHolder tookOverFrom) {
    return new Acquisition(true, mine, tookOverFrom);
  }

  static Acquisition busy(LeaseRecord holder) {
    return new Acquisition(false, holder, null);
  }
}
