package org.patientinsight.serving.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The embedded store, safe for several processes on one directory:
 * <ul>
 *   <li>{@code <id>.json}: the analysis, written once (temporary file + rename, so a crash
 *       never leaves half a file);</li>
 *   <li>{@code <id>.questions.jsonl}: its questions, one JSON line each, only ever appended
 *       under an exclusive OS file lock ({@link FileChannel#lock()}), so concurrent questions
 *       from any process are all kept in the order they were written. A reader skips a last
 *       line without its newline (a write cut short by a crash);</li>
 *   <li>{@code owners/<key id>/<id>}: empty markers, so counting a key's analyses is a
 *       directory listing, not a scan.</li>
 * </ul>
 * Not for a shared network file system without working POSIX locks; replicas use PostgreSQL.
 */
public final class FileAnalysisRepository implements AnalysisRepository {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String QUESTIONS = ".questions.jsonl";

  private final Path dir;
  private final Path owners;
  // an OS file lock is held by the whole JVM (a second one on the same file throws), so the
  // threads of this JVM, over every instance, first take one of these
  private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) {
      STRIPES[i] = new ReentrantLock();
    }
  }

  public FileAnalysisRepository(Path dir) {
    this.dir = dir;
    this.owners = dir.resolve("owners");
    try {
      Files.createDirectories(owners);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the analyses directory " + dir, e);
    }
  }

  @Override
  public void create(StoredAnalysis a) {
    AnalysisIds.require(a);
    try {
      Path ownerDir = Files.createDirectories(owners.resolve(a.owner()));
      Files.write(ownerDir.resolve(a.id()), new byte[0]);
      Path tmp = Files.createTempFile(dir, a.id(), ".tmp");
      try {
        JSON.writeValue(tmp.toFile(), a.withoutQuestions());
        try {
          Files.move(tmp, json(a.id()), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, json(a.id()));
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      if (!a.questions().isEmpty()) {
        for (QuestionAnswer qa : a.questions()) {
          appendQuestion(a.id(), qa);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save analysis " + a.id(), e);
    }
  }

  @Override
  public Optional<StoredAnalysis> find(String id) {
    if (!AnalysisIds.isValid(id)) {
      return Optional.empty();
    }
    StoredAnalysis a;
    try {
      a = JSON.readValue(json(id).toFile(), StoredAnalysis.class);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read analysis " + id, e);
    }
    return Optional.of(a.withQuestions(readQuestions(id)));
  }

  private List<QuestionAnswer> readQuestions(String id) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(questions(id));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the questions of analysis " + id, e);
    }
    List<QuestionAnswer> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        if (i > start) {
          try {
            out.add(JSON.readValue(bytes, start, i - start, QuestionAnswer.class));
          } catch (IOException e) {
            throw new UncheckedIOException("malformed question line in analysis " + id, e);
          }
        }
        start = i + 1;
      }
    }
    return out;
  }

  @Override
  public boolean appendQuestion(String id, QuestionAnswer qa) {
    if (!AnalysisIds.isValid(id) || !Files.isRegularFile(json(id))) {
      return false;
    }
    byte[] line;
    try {
      byte[] body = JSON.writeValueAsBytes(qa);
      line = new byte[body.length + 1];
      System.arraycopy(body, 0, line, 0, body.length);
      line[body.length] = '\n';
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise a question", e);
    }
    ReentrantLock local = stripe(id);
    local.lock();
    try (FileChannel ch = FileChannel.open(questions(id), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileLock ignored = ch.lock()) {
      if (!Files.isRegularFile(json(id))) {
        return false; // unknown or deleted; purge sweeps a questions file left without one
      }
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append a question to analysis " + id, e);
    } finally {
      local.unlock();
    }
  }

  @Override
  public boolean delete(String id) {
    if (!AnalysisIds.isValid(id)) {
      return false;
    }
    String owner = find(id).map(StoredAnalysis::owner).orElse(null);
    try {
      boolean existed = Files.deleteIfExists(json(id));
      Files.deleteIfExists(questions(id));
      if (owner != null && AnalysisIds.isValidOwner(owner)) {
        Files.deleteIfExists(owners.resolve(owner).resolve(id));
      }
      return existed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete analysis " + id, e);
    }
  }

  @Override
  public long countOwnedBy(String ownerKeyId) {
    Path d = owners.resolve(ownerKeyId);
    if (!AnalysisIds.isValidOwner(ownerKeyId) || !Files.isDirectory(d)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count analyses", e);
    }
  }

  @Override
  public int deleteCreatedBefore(Instant cutoff) {
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        String id = f.getFileName().toString().replaceFirst("\\.json$", "");
        if (!AnalysisIds.isValid(id)) {
          continue;
        }
        JsonNode created;
        try {
          created = JSON.readTree(f.toFile()).path("createdAt");
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
          continue; // deleted meanwhile
        }
        if (Instant.parse(created.asText()).isBefore(cutoff) && delete(id)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot purge analyses", e);
    }
    sweepOrphans();
    return deleted;
  }

  /** Question files and owner markers left without their analysis (a delete racing an append, a crash). */
  private void sweepOrphans() {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + QUESTIONS)) {
      for (Path f : files) {
        String id = f.getFileName().toString().replace(QUESTIONS, "");
        if (AnalysisIds.isValid(id) && !Files.exists(json(id))) {
          Files.deleteIfExists(f);
        }
      }
      try (DirectoryStream<Path> ownerDirs = Files.newDirectoryStream(owners)) {
        for (Path o : ownerDirs) {
          try (DirectoryStream<Path> markers = Files.newDirectoryStream(o)) {
            for (Path m : markers) {
              String id = m.getFileName().toString();
              // a marker is written just before its analysis: spare the ones being created now
              if (!Files.exists(json(id)) && Files.getLastModifiedTime(m).toMillis()
                  < System.currentTimeMillis() - 60_000) {
                Files.deleteIfExists(m);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot purge analyses", e);
    }
  }

  private ReentrantLock stripe(String id) {
    return STRIPES[Math.floorMod(questions(id).toAbsolutePath().hashCode(), STRIPES.length)];
  }

  private Path json(String id) {
    return dir.resolve(id + ".json");
  }

  private Path questions(String id) {
    return dir.resolve(id + QUESTIONS);
  }
}
