package org.patientinsight.jobs.lease;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The lease on a local disk. A generation is written to a temporary file and then hard-linked
 * to its name: the link either appears with its whole content or fails because the name
 * exists, so no reader sees half a file and no two writers both win.
 */
final class LocalLeaseStore implements LeaseStore {
  private final Path dir;

  LocalLeaseStore(Path dir) {
    this.dir = dir;
  }

  @Override
  public List<Long> generations() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> LeaseStore.generationOf(p.getFileName().toString()))
          .filter(g -> g >= 0).sorted().toList();
    }
  }

  @Override
  public Optional<byte[]> read(long generation) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(dir.resolve(LeaseStore.fileName(generation))));
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
  }

  @Override
  public boolean create(long generation, byte[] content) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(LeaseStore.fileName(generation));
    Path temp = dir.resolve(".tmp-" + UUID.randomUUID());
    Files.write(temp, content, StandardOpenOption.CREATE_NEW);
    try {
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException taken) {
      return false;
    } catch (UnsupportedOperationException noHardLinks) {
      // a file system without hard links: an exclusive create still lets one writer win
      try {
        Files.write(target, content, StandardOpenOption.CREATE_NEW);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void delete(long generation) throws IOException {
    Files.deleteIfExists(dir.resolve(LeaseStore.fileName(generation)));
  }

  @Override
  public String location() {
    return dir.toString();
  }
}
