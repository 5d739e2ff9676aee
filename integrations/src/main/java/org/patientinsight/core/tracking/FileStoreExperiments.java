package org.patientinsight.core.tracking;

import org.patientinsight.core.config.Locations;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Experiments in an MLflow file store ({@code <root>/<experiment_id>/meta.yaml}): found by name
 * across the existing experiment folders (also ones MLflow itself wrote), created with a fresh
 * id otherwise. Look-up-or-create holds a lock (a file lock between processes, a JVM lock between
 * threads) so concurrent runs share one experiment instead of making two with the same name.
 */
final class FileStoreExperiments {
  static final String DEFAULT_EXPERIMENT_ID = "0";
  static final String TRASH = ".trash";
  static final String META = "meta.yaml";
  private static final String LOCK_FILE = ".patient-insight-tracking.lock";
  private static final ReentrantLock JVM_LOCK = new ReentrantLock();

  /** An experiment folder and the fields we need from its meta.yaml. */
  record Experiment(String id, String name, String artifactLocation, Path dir) {
  }

  private final Path root;
  private final LongSupplier clock;

  FileStoreExperiments(Path root, LongSupplier clock) {
    this.root = root.toAbsolutePath().normalize();
    this.clock = clock;
  }

  Path root() {
    return root;
  }

  Experiment getOrCreate(String name) throws IOException {
    ensureRoot();
    JVM_LOCK.lock();
    try (FileChannel ch = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
      Optional<Experiment> existing = find(name);
      return existing.isPresent() ? existing.get() : create(name);
    } finally {
      JVM_LOCK.unlock();
    }
  }

  /** The active experiment with this name, if any. */
  Optional<Experiment> find(String name) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory).sorted()::iterator) {
        String dirName = dir.getFileName().toString();
        if (dirName.equals(TRASH) || dirName.equals("models") || dirName.startsWith(".")) {
          continue;
        }
        Map<String, String> meta = readMeta(dir);
        if (meta == null || !name.equals(meta.get("name"))) {
          continue;
        }
        if ("deleted".equals(meta.get("lifecycle_stage"))) {
          continue;
        }
        return Optional.of(new Experiment(meta.getOrDefault("experiment_id", dirName), name,
            meta.get("artifact_location"), dir));
      }
    }
    return Optional.empty();
  }

  /** MLflow creates the root with the "Default" experiment 0 and a .trash folder; so do we. */
  private void ensureRoot() throws IOException {
    Files.createDirectories(root);
    Path defaultDir = root.resolve(DEFAULT_EXPERIMENT_ID);
    try {
      Files.createDirectory(defaultDir);
      writeMeta(defaultDir, DEFAULT_EXPERIMENT_ID, "Default");
    } catch (FileAlreadyExistsException e) {
      // already there (ours or MLflow's)
    }
    Files.createDirectories(root.resolve(TRASH));
  }

  private Experiment create(String name) throws IOException {
    while (true) {
      // MLflow's file store uses random 18-digit integer ids
      String id = Long.toString(ThreadLocalRandom.current()
          .nextLong(100_000_000_000_000_000L, 1_000_000_000_000_000_000L));
      Path dir = root.resolve(id);
      try {
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      String artifactLocation = writeMeta(dir, id, name);
      return new Experiment(id, name, artifactLocation, dir);
    }
  }

  private String writeMeta(Path dir, String id, String name) throws IOException {
    long now = clock.getAsLong();
    String artifactLocation = fileUri(dir);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("artifact_location", artifactLocation);
    meta.put("creation_time", now);
    meta.put("experiment_id", id);
    meta.put("last_update_time", now);
    meta.put("lifecycle_stage", "active");
    meta.put("name", name);
    AtomicFiles.writeString(dir.resolve(META), FlatYaml.write(meta));
    return artifactLocation;
  }

  private static Map<String, String> readMeta(Path dir) throws IOException {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(META), StandardCharsets.UTF_8);
      return FlatYaml.readTopLevel(lines);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** file:///abs/path without a trailing slash, as MLflow's path_to_local_file_uri writes it. */
  static String fileUri(Path dir) {
    String uri = dir.toAbsolutePath().normalize().toUri().toString();
    return Locations.withoutTrailingSlashes(uri);
  }
}
