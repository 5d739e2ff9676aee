package org.patientinsight.serving.analysis;

import java.util.Optional;

/** Where analyses are kept between requests and across restarts. */
public interface AnalysisRepository {
  void save(StoredAnalysis analysis);

  /** Empty for unknown or malformed ids. */
  Optional<StoredAnalysis> find(String id);
}
