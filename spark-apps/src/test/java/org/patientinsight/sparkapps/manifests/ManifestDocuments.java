package org.patientinsight.sparkapps.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The YAML documents of the manifest files, each with where it came from. */
public final class ManifestDocuments {
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public record Document(Path file, int index, JsonNode node) {
    public String kind() {
      return node.path("kind").asText();
    }

    public String apiVersion() {
      return node.path("apiVersion").asText();
    }

    @Override
    public String toString() {
      return file.getFileName() + "#" + index + " (" + kind() + ")";
    }
  }

  private ManifestDocuments() {
  }

  public static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Document> read(Path file) {
    try {
      return parse(file, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static List<Document> parse(Path origin, String yaml) throws IOException {
    List<Document> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      int index = 0;
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          documents.add(new Document(origin, index, node));
        }
        index++;
      }
    }
    return documents;
  }

  public static List<Document> readAll(Path dir) {
    List<Document> all = new ArrayList<>();
    for (Path file : yamlFiles(dir)) {
      all.addAll(read(file));
    }
    return all;
  }
}
