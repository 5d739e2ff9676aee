package org.patientinsight.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SettingsCatalogTest {

  @Test
  void commentsAboveAKeyDescribeItAndAKeyRightBelowSharesThem() {
    String text = String.join("\n",
        "# Defaults of a module.",
        "",
        "# --- a section ---",
        "# share of rows that must carry an age",
        "#: double [0,1]",
        "a.age = 0.9",
        "#: double [0,1]",
        "a.gender = 0.8",
        "# a word",
        "#: choice x|y",
        "a.word = x",
        "",
        "a.free =");
    List<SettingDefinition> defs = SettingsCatalog.parse(text, "test");
    assertEquals(List.of("a.age", "a.gender", "a.word", "a.free"),
        defs.stream().map(SettingDefinition::key).collect(Collectors.toList()));
    assertEquals("share of rows that must carry an age", defs.get(0).description());
    assertEquals("share of rows that must carry an age", defs.get(1).description());
    assertEquals("0.8", defs.get(1).defaultValue());
    assertEquals("a word", defs.get(2).description());
    assertEquals("one of x, y", defs.get(2).type().expected());
    assertEquals("", defs.get(3).description());
    assertEquals("text", defs.get(3).type().expected());
  }

  @Test
  void aMalformedLineOrTypeNamesTheFileAndLine() {
    assertTrue(assertThrows(IllegalStateException.class,
        () -> SettingsCatalog.parse("# x\nnot a setting\n", "m/defaults.properties"))
        .getMessage().startsWith("m/defaults.properties:2:"));
    assertTrue(assertThrows(IllegalStateException.class, () -> SettingsCatalog.parse("#: number\nk = 1\n", "f"))
        .getMessage().contains("f:2:"));
  }

  /** Every module's file: each key typed and described, its default valid, read as Properties reads it. */
  @Test
  void everyModuleDeclaresATypeAndADescriptionForEachKey() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> files;
    try (Stream<Path> s = Files.list(root)) {
      files = s.map(m -> m.resolve("src/main/resources/" + Settings.DEFAULTS_RESOURCE))
          .filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    assertTrue(files.size() >= 5, "defaults files found: " + files);
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Properties props = new Properties();
      props.load(new StringReader(text));
      List<String> lines = text.lines().collect(Collectors.toList());
      Map<String, SettingDefinition> defs = SettingsCatalog.parse(text, f.toString()).stream()
          .collect(Collectors.toMap(SettingDefinition::key, d -> d));
      assertEquals(props.stringPropertyNames(), defs.keySet(), f.toString());
      for (SettingDefinition d : defs.values()) {
        assertEquals(props.getProperty(d.key()).strip(), d.defaultValue(), d.key());
        Pattern keyLine = Pattern.compile(Pattern.quote(d.key()) + "\\s*=.*");
        int at = 0;
        while (!keyLine.matcher(lines.get(at)).matches()) {
          at++;
        }
        if (at == 0 || !lines.get(at - 1).startsWith("#:")) {
          problems.add(d.key() + ": no '#: <type>' line right above it in " + f);
        }
        if (d.description().isBlank()) {
          problems.add(d.key() + ": no description in " + f);
        }
        try {
          d.type().check(d.key(), d.defaultValue(), null);
        } catch (ConfigException e) {
          problems.add("default of " + e.getMessage());
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
