package org.patientinsight.sparkapps.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.patientinsight.sparkapps.manifests.ManifestDocuments;
import org.patientinsight.sparkapps.manifests.RepoPaths;

/**
 * GitHub's runners have no {@code ../shared}: every folder of it that the suite reads must be
 * declared in {@code .github/shared-reads.txt}, and {@code ci.yml} must lay each one out before it
 * runs the tests. The test sources that read the shared folder are found by the system property
 * they use; each must name a declared folder, and each declared folder must be read by one.
 */
class SharedReadsTest {
  private static final Path ROOT = RepoPaths.root();
  /** Spelt in two parts so that this file is not one of the readers it scans for. */
  private static final String PROPERTY = "pi.shared" + ".dir";
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void everyTestThatReadsSharedNamesADeclaredFolderAndEveryDeclaredFolderIsRead() throws IOException {
    List<String> declared = declaredFolders();
    List<Path> readers = sharedReaders();
    assertTrue(readers.size() >= 2, "found " + readers + "; the scan should see the CRD and TREC readers");
    List<String> problems = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (Path reader : readers) {
      List<String> named = declared.stream().filter(folder -> names(literals(reader), folder)).toList();
      if (named.isEmpty()) {
        problems.add(ROOT.relativize(reader) + " reads " + PROPERTY + " but names no folder of .github/shared-reads.txt");
      }
      used.addAll(named);
    }
    declared.stream().filter(folder -> !used.contains(folder))
        .forEach(folder -> problems.add(folder + " is declared but no test reads it"));
    assertEquals(List.of(), problems);
  }

  @Test
  void ciLaysOutEveryDeclaredFolderBeforeItRunsTheTests() throws Exception {
    JsonNode ci = ManifestDocuments.read(ROOT.resolve(".github/workflows/ci.yml")).get(0).node();
    List<String> runs = new ArrayList<>();
    ci.path("jobs").forEach(job -> job.path("steps").forEach(step -> runs.add(step.path("run").asText())));
    int tests = -1;
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).contains("bash .ci/run")) {
        tests = i;
      }
    }
    assertTrue(tests >= 0, "ci.yml runs bash .ci/run");
    String before = String.join("\n", runs.subList(0, tests));
    List<String> missing = declaredFolders().stream()
        .filter(folder -> !before.contains("../shared/" + folder)).toList();
    assertEquals(List.of(), missing, "folders ci.yml does not fetch into ../shared before the tests");
  }

  @Test
  void aReaderIsMatchedByItsFolderNameInOneLiteralOrInPathParts() {
    assertTrue(names(List.of("k8s/spark-operator-v2.5.2"), "k8s/spark-operator-v2.5.2"));
    assertTrue(names(List.of("data", "trec-cds"), "data/trec-cds"));
    assertTrue(!names(List.of("data", "other"), "data/trec-cds"));
  }

  /** The folder's last segment appears as a literal or inside one (Path.of(dir, "data", "trec-cds")). */
  private static boolean names(List<String> literals, String folder) {
    String last = folder.substring(folder.lastIndexOf('/') + 1);
    return literals.stream().anyMatch(s -> s.equals(last) || s.contains(folder) || s.endsWith("/" + last));
  }

  private static List<String> declaredFolders() throws IOException {
    return Files.readAllLines(ROOT.resolve(".github/shared-reads.txt")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static List<Path> sharedReaders() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/test/java/") && !p.toString().contains("/target/"))
          .filter(p -> read(p).contains(PROPERTY))
          .sorted().toList();
    }
  }

  private static List<String> literals(Path file) {
    List<String> out = new ArrayList<>();
    Matcher m = STRING_LITERAL.matcher(read(file));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
