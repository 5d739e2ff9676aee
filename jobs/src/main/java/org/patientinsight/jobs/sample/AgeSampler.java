package org.patientinsight.jobs.sample;

import java.util.SplittableRandom;

/**
 * Draws ages shaped like PMC-Patients: newborns stated in hours or days, infants in weeks or
 * months, toddlers in years plus months, and adults with the bulk between 20 and 80 and a thin
 * tail past 100. The paediatric mix puts three quarters of patients under 18.
 */
final class AgeSampler {

  private static final double DAYS_PER_YEAR = 365.25;

  private final AgeMix mix;

  AgeSampler(AgeMix mix) {
    this.mix = mix;
  }

  SampledAge next(SplittableRandom rng) {
    double u = rng.nextDouble();
    if (mix == AgeMix.PAEDIATRIC_HEAVY) {
      if (u < 0.20) {
        return infant(rng);
      }
      if (u < 0.75) {
        return years(2 + rng.nextInt(16)); // 2..17
      }
      return adult(rng);
    }
    if (u < 0.03) {
      return infant(rng);
    }
    if (u < 0.10) {
      return years(2 + rng.nextInt(16));
    }
    return adult(rng);
  }

  /** Under two: hours, days, weeks, months, or a year and some months. */
  private SampledAge infant(SplittableRandom rng) {
    double u = rng.nextDouble();
    if (u < 0.08) {
      int hours = 1 + rng.nextInt(23);
      return new SampledAge(hours / (DAYS_PER_YEAR * 24), literal(hours, "hour"), hours, "hour");
    }
    if (u < 0.25) {
      int days = 1 + rng.nextInt(27);
      return new SampledAge(days / DAYS_PER_YEAR, literal(days, "day"), days, "day");
    }
    if (u < 0.35) {
      int weeks = 1 + rng.nextInt(7);
      return new SampledAge(weeks * 7 / DAYS_PER_YEAR, literal(weeks, "week"), weeks, "week");
    }
    if (u < 0.75) {
      int months = 1 + rng.nextInt(11);
      return new SampledAge(months / 12.0, literal(months, "month"), months, "month");
    }
    int months = 1 + rng.nextInt(11); // 13..23 months, written as a year and months
    String lit = "[[1.0, 'year'], [" + months + ".0, 'month']]";
    return new SampledAge(1 + months / 12.0, lit, 12 + months, "month");
  }

  /** 18 and over: mostly a broad hump around 50, some 80 to 99, a few (0.5%) 100 to 105. */
  private SampledAge adult(SplittableRandom rng) {
    double u = rng.nextDouble();
    int age;
    if (u < 0.90) {
      do {
        age = (int) Math.round(52 + 16 * gaussian(rng));
      } while (age < 18 || age > 89);
    } else if (u < 0.995) {
      age = 80 + rng.nextInt(20);
    } else {
      age = 100 + rng.nextInt(6);
    }
    return years(age);
  }

  private static SampledAge years(int age) {
    return new SampledAge(age, literal(age, "year"), age, "year");
  }

  private static String literal(int amount, String unit) {
    return "[[" + amount + ".0, '" + unit + "']]";
  }

  /** Box-Muller, so the sequence depends only on the seed (SplittableRandom has no nextGaussian in 17). */
  static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
