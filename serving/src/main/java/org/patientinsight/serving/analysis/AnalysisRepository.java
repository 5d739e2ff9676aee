package org.patientinsight.serving.analysis;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.patientinsight.serving.limits.KeyRateLimiter;
import org.patientinsight.serving.limits.RequestRateLimiter;

/**
 * Where analyses are kept between requests, across restarts and across replicas. An analysis
 * is written once; follow-up questions are appended to it, never by rewriting it, so that
 * concurrent questions from any process are all kept, in the order they were stored.
 */
public interface AnalysisRepository extends AutoCloseable {
  /** Stores a new analysis (its question list is expected to be empty). */
  void create(StoredAnalysis analysis);

  /**
   * Stores a new analysis unless its owner already has {@code maxOwned}; false then. This
   * default counts, then creates (concurrent creates may overshoot by a few); PostgreSQL does
   * both under a per-owner lock, so the quota holds across replicas.
   */
  default boolean createWithin(StoredAnalysis analysis, long maxOwned) {
    if (countOwnedBy(analysis.owner()) >= maxOwned) {
      return false;
    }
    create(analysis);
    return true;
  }

  /** The analysis with its questions in stored order; empty for unknown or malformed ids. */
  Optional<StoredAnalysis> find(String id);

  /** Appends one question; false when the analysis does not exist (or was just deleted). */
  boolean appendQuestion(String analysisId, QuestionAnswer qa);

  /** False when there was nothing to delete. */
  boolean delete(String id);

  /** How many analyses this key (hash id) has stored. */
  long countOwnedBy(String ownerKeyId);

  /** Deletes every analysis created before the cutoff, with its questions; returns how many. */
  int deleteCreatedBefore(Instant cutoff);

  /**
   * Where requests per minute per key are counted: in this process by default (one replica);
   * a store shared by replicas counts there, so the limit holds for the whole service.
   */
  default RequestRateLimiter requestLimiter(int perMinute, Clock clock) {
    return new KeyRateLimiter(perMinute, () -> clock.millis() * 1_000_000L);
  }

  @Override
  default void close() {}
}
