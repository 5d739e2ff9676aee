package org.patientinsight.core.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Artifacts are stored under their file name; these checks say which ones can be (regular,
 * readable files with a name not used by an earlier artifact) and why the others cannot.
 */
final class ArtifactNames {
  private ArtifactNames() {
  }

  static List<Path> uploadable(List<Path> artifacts) {
    List<Path> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Path p : artifacts) {
      if (problem(p, seen) == null) {
        out.add(p);
      }
    }
    return out;
  }

  static List<String> problems(List<Path> artifacts) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Path p : artifacts) {
      String problem = problem(p, seen);
      if (problem != null) {
        out.add(problem);
      }
    }
    return out;
  }

  private static String problem(Path p, Set<String> seen) {
    if (p == null || p.getFileName() == null) {
      return "artifact path is empty";
    }
    String name = p.getFileName().toString();
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      return "artifact " + name + " is not a readable file";
    }
    if (!seen.add(name)) {
      return "artifact " + name + " has the same file name as an earlier artifact";
    }
    return null;
  }
}
