package org.patientinsight.core.vector;

import org.patientinsight.core.config.WarehouseLayout;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

/**
 * Where the local vector index lives and how it analyses note text, from the
 * {@code vector.local.*} keys.
 */
public record LocalStoreSettings(Path dir, TextAnalysis textAnalysis, int maxSegments) {
  public static final String DIR_KEY = "vector.local.dir";
  public static final String ANALYZER_KEY = "vector.local.text_analyzer";
  public static final String MAX_SEGMENTS_KEY = "vector.local.max_segments";
  /** One HNSW graph: the fastest and most accurate search; see README for the merge cost. */
  public static final int DEFAULT_MAX_SEGMENTS = 1;

  public LocalStoreSettings(Path dir, TextAnalysis textAnalysis) {
    this(dir, textAnalysis, DEFAULT_MAX_SEGMENTS);
  }

  public static LocalStoreSettings from(Settings settings) {
    String dir = settings.getOptional(DIR_KEY);
    Path path = dir != null ? Paths.get(dir) : defaultDir(WarehouseLayout.from(settings));
    TextAnalysis analysis;
    try {
      analysis = TextAnalysis.fromId(settings.get(ANALYZER_KEY),
          "configuration key '" + ANALYZER_KEY + "'");
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ANALYZER_KEY, e.getMessage());
    }
    return new LocalStoreSettings(path.toAbsolutePath().normalize(), analysis,
        settings.getInt(MAX_SEGMENTS_KEY, 1, 1000));
  }

  private static Path defaultDir(WarehouseLayout warehouse) {
    return warehouse.localDefault(warehouse.vectorIndex(), DIR_KEY);
  }
}
