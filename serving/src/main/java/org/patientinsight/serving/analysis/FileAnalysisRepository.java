package org.patientinsight.serving.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One JSON file per analysis ({@code <dir>/<id>.json}), written to a temporary file and
 * renamed so a crash never leaves half a file. Ids are UUIDs; anything else is "not found",
 * which also keeps request ids from naming paths outside the directory.
 */
public final class FileAnalysisRepository implements AnalysisRepository {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path dir;

  public FileAnalysisRepository(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the analyses directory " + dir, e);
    }
  }

  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  @Override
  public void save(StoredAnalysis a) {
    if (!isValidId(a.id())) {
      throw new IllegalArgumentException("analysis id must be a lower-case UUID");
    }
    Path target = dir.resolve(a.id() + ".json");
    try {
      Path tmp = Files.createTempFile(dir, a.id(), ".tmp");
      try {
        JSON.writeValue(tmp.toFile(), a);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save analysis " + a.id(), e);
    }
  }

  @Override
  public Optional<StoredAnalysis> find(String id) {
    if (!isValidId(id)) {
      return Optional.empty();
    }
    Path file = dir.resolve(id + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), StoredAnalysis.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read analysis " + id, e);
    }
  }
}
