package org.patientinsight.jobs.sample;

/**
 * What sample file to generate.
 *
 * @param rows     number of data rows (the header is extra)
 * @param seed     the same seed always gives the same file
 * @param dirtRate share of rows that carry one kind of real-file dirt (0..1)
 * @param ageMix   age distribution of the patients
 */
public record SampleSpec(long rows, long seed, double dirtRate, AgeMix ageMix) {

  public static final double DEFAULT_DIRT_RATE = 0.02;

  public SampleSpec {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, was " + rows);
    }
    if (!(dirtRate >= 0.0 && dirtRate <= 1.0)) {
      throw new IllegalArgumentException("dirtRate must be between 0 and 1, was " + dirtRate);
    }
    if (ageMix == null) {
      throw new IllegalArgumentException("ageMix is required");
    }
  }

  /** Default dirt rate and the adult age mix. */
  public static SampleSpec of(long rows, long seed) {
    return new SampleSpec(rows, seed, DEFAULT_DIRT_RATE, AgeMix.ADULT_DEFAULT);
  }
}
