package org.patientinsight.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every known setting, read from the {@value Settings#DEFAULTS_RESOURCE} resources of the modules
 * on the class path. Each file is the one owner of its keys: {@code key = default} lines, the
 * comment lines just above a key describe it (a key right below another shares its comment),
 * and a {@code #: <type>} line (see {@link SettingType}) declares what a value must be.
 */
public final class SettingsCatalog {
  private static volatile SettingsCatalog onClassPath;

  private final Map<String, SettingDefinition> definitions;

  private SettingsCatalog(Map<String, SettingDefinition> definitions) {
    this.definitions = Collections.unmodifiableMap(definitions);
  }

  /** The catalog of the modules on this class path (read once). */
  public static SettingsCatalog fromClassPath() {
    SettingsCatalog c = onClassPath;
    if (c == null) {
      c = readClassPath();
      onClassPath = c;
    }
    return c;
  }

  private static SettingsCatalog readClassPath() {
    Map<String, SettingDefinition> all = new TreeMap<>();
    try {
      Enumeration<URL> urls = SettingsCatalog.class.getClassLoader().getResources(Settings.DEFAULTS_RESOURCE);
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        try (InputStream in = url.openStream()) {
          for (SettingDefinition d : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), url.toString())) {
            if (all.putIfAbsent(d.key(), d) != null) {
              throw new IllegalStateException("setting '" + d.key() + "' is declared twice (again in " + url + ")");
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read configuration defaults: " + e.getMessage(), e);
    }
    return new SettingsCatalog(all);
  }

  /** Parses one defaults file; {@code source} names it in errors. */
  public static List<SettingDefinition> parse(String text, String source) {
    List<SettingDefinition> out = new ArrayList<>();
    List<String> comment = new ArrayList<>();
    String typeSpec = null;
    String lastDescription = "";
    boolean previousWasKey = false;
    int lineNo = 0;
    for (String raw : text.split("\r?\n", -1)) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty()) {
        comment.clear();
        typeSpec = null;
        previousWasKey = false;
      } else if (line.startsWith("#:")) {
        typeSpec = line.substring(2).strip();
      } else if (line.startsWith("#") || line.startsWith("!")) {
        if (previousWasKey) {
          comment.clear();
        }
        String c = line.substring(1).strip();
        if (!c.startsWith("---")) {
          comment.add(c);
        }
        previousWasKey = false;
      } else {
        int eq = line.indexOf('=');
        if (eq <= 0 || line.endsWith("\\")) {
          throw new IllegalStateException(source + ":" + lineNo + ": expected 'key = value', got '" + line + "'");
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        String description = comment.isEmpty() ? (previousWasKey ? lastDescription : "") : String.join(" ", comment);
        SettingType type;
        try {
          type = typeSpec == null ? SettingType.text() : SettingType.parse(typeSpec);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(source + ":" + lineNo + ": " + e.getMessage(), e);
        }
        out.add(new SettingDefinition(key, value, type, description));
        lastDescription = description;
        typeSpec = null;
        comment.clear();
        previousWasKey = true;
      }
    }
    return out;
  }

  public boolean knows(String key) {
    return definitions.containsKey(key);
  }

  /** The definition of a known key; throws {@link ConfigException} for an unknown one. */
  public SettingDefinition definition(String key) {
    SettingDefinition d = definitions.get(key);
    if (d == null) {
      throw new ConfigException(key, "unknown configuration key '" + key + "'");
    }
    return d;
  }

  /** Every definition, sorted by key. */
  public Map<String, SettingDefinition> definitions() {
    return definitions;
  }

  /** Every key's default value, sorted by key. */
  public Map<String, String> defaults() {
    Map<String, String> out = new LinkedHashMap<>();
    definitions.forEach((k, d) -> out.put(k, d.defaultValue()));
    return out;
  }
}
