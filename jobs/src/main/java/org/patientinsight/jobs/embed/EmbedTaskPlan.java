package org.patientinsight.jobs.embed;

/**
 * How many Spark tasks the texts to embed are dealt into. Every text costs about the same
 * (notes are mostly longer than the 256-token window, and batch 1 has no padding), so equal
 * counts per task are equal work. One task per slot (the default) has the fewest waves and
 * measured fastest on one machine; a few tasks per slot let a slot that finishes early take
 * another one instead of idling behind a straggler, which pays on a cluster whose executors
 * differ in speed.
 */
public record EmbedTaskPlan(int tasks, int slots) {

  /** Fewer texts than this per task and the scheduling overhead starts to show. */
  static final int MIN_TEXTS_PER_TASK = 8;

  public static EmbedTaskPlan of(long texts, int slots, int tasksPerSlot) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, got " + slots);
    }
    if (tasksPerSlot < 1) {
      throw new IllegalArgumentException("tasks per slot must be at least 1, got " + tasksPerSlot);
    }
    if (texts <= 0) {
      return new EmbedTaskPlan(1, slots);
    }
    long wanted = (long) slots * tasksPerSlot;
    long bySize = Math.max(1, texts / MIN_TEXTS_PER_TASK);
    // at least one task per slot (a few texts still use every core)
    long tasks = Math.min(wanted, Math.max(bySize, slots));
    // a whole number of waves: the last wave has no idle slots
    if (tasks > slots) {
      tasks = tasks / slots * slots;
    }
    return new EmbedTaskPlan((int) Math.max(1, Math.min(tasks, texts)), slots);
  }
}
