package org.patientinsight.jobs.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The typed results of a run's stages, in the order they finished. Stages hand their result
 * here as soon as it exists, so a run that fails later still records what was done.
 */
public final class RunResults {
  private final List<StageResult> results = new ArrayList<>();

  /** Records a result and returns it (so a stage call reads {@code results.add(stage.run())}). */
  public <T extends StageResult> T add(T result) {
    if (result != null) {
      results.add(result);
    }
    return result;
  }

  public List<StageResult> all() {
    return Collections.unmodifiableList(results);
  }

  /** The last result of a type, if that stage ran. */
  public <T extends StageResult> Optional<T> last(Class<T> type) {
    for (int i = results.size() - 1; i >= 0; i--) {
      if (type.isInstance(results.get(i))) {
        return Optional.of(type.cast(results.get(i)));
      }
    }
    return Optional.empty();
  }
}
