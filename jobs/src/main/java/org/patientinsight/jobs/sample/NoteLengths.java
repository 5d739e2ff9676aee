package org.patientinsight.jobs.sample;

import java.util.SplittableRandom;

/**
 * Target note lengths with PMC-Patients' shape: log-normal around a median of about 2,000
 * characters, plus a long tail of 8,000 to 30,000 character reports (about 0.5% over 20,000).
 */
final class NoteLengths {

  private static final double MEDIAN = 1_900;
  private static final double SIGMA = 0.55;
  private static final double TAIL_SHARE = 0.015;
  private static final double TAIL_MIN = 8_000;
  private static final double TAIL_MAX = 30_000;
  private static final int MIN_CHARS = 400;

  int next(SplittableRandom rng) {
    if (rng.nextDouble() < TAIL_SHARE) {
      return (int) Math.exp(Math.log(TAIL_MIN) + rng.nextDouble() * Math.log(TAIL_MAX / TAIL_MIN));
    }
    double len = MEDIAN * Math.exp(SIGMA * AgeSampler.gaussian(rng));
    return (int) Math.max(MIN_CHARS, len);
  }

  /** Over 100,000 characters, for the huge-note dirt. */
  static int hugeTarget(SplittableRandom rng) {
    return 100_500 + rng.nextInt(25_000);
  }
}
