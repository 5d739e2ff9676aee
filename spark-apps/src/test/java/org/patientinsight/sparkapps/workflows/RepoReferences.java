package org.patientinsight.sparkapps.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repository paths mentioned in scripts (workflow steps, Dockerfiles), and whether each exists.
 * A path under {@code <module>/target/} is a build output: it "exists" when that module's pom
 * declares the file name (finalName or shade outputFile), since nothing is built before the tests.
 */
public final class RepoReferences {
  private static final Pattern REPO_PATH = Pattern.compile(
      "(?<![\\w$./-])((?:\\.ci|\\.github|spark-apps|jobs|serving|core|udfs|quality|pinecone|data)/[\\w./-]*[\\w/])");

  private RepoReferences() {
  }

  public static Set<String> pathsIn(String text) {
    Set<String> paths = new LinkedHashSet<>();
    Matcher m = REPO_PATH.matcher(text);
    while (m.find()) {
      paths.add(m.group(1));
    }
    return paths;
  }

  /** Null when {@code path} exists (or is a declared build output), else why not. */
  public static String problem(Path root, String path) {
    int target = path.indexOf("/target/");
    if (target > 0) {
      Path module = root.resolve(path.substring(0, target));
      String file = path.substring(path.lastIndexOf('/') + 1);
      String base = file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
      Path pom = module.resolve("pom.xml");
      if (!Files.isRegularFile(pom)) {
        return path + ": no module " + module.getFileName();
      }
      try {
        String xml = Files.readString(pom);
        boolean declared = xml.contains("<finalName>" + base + "</finalName>")
            || xml.contains("/" + file + "</outputFile>");
        return declared ? null : path + ": build output not declared in " + root.relativize(pom)
            + " (expected <finalName>" + base + "</finalName> or a shade <outputFile> ending /" + file + ")";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Files.exists(root.resolve(path)) ? null : path + ": no such file or directory";
  }
}
