package org.patientinsight.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The project's configuration: every known key has a default in a
 * {@code patient-insight/defaults.properties} resource (one per module, all merged), and each
 * layer on top may only set keys that exist: the config file, then environment variables
 * ({@code quality.min_age_completeness} is {@code PI_QUALITY_MIN_AGE_COMPLETENESS}), then
 * explicit overrides such as CLI flags. Unknown keys and bad values fail fast naming the key.
 * Every value is checked against the type its key declares ({@link SettingsCatalog}) when
 * settings load. Secrets never live here; they are read from the environment by the code that needs them.
 */
public final class Settings {
  public static final String DEFAULTS_RESOURCE = "patient-insight/defaults.properties";
  public static final String ENV_PREFIX = "PI_";

  private final Map<String, String> values;
  private final Map<String, String> origins;

  private Settings(Map<String, String> values, Map<String, String> origins) {
    this.values = Collections.unmodifiableMap(values);
    this.origins = Collections.unmodifiableMap(origins);
  }

  /** Defaults only: what the embedded local run uses. */
  public static Settings defaults() {
    return load(null, Map.of(), Map.of());
  }

  /**
   * @param file optional YAML-free {@code .properties} or simple {@code key: value} file
   * @param env the environment (pass {@code System.getenv()})
   * @param overrides highest-priority values, e.g. from CLI flags
   */
  public static Settings load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>(SettingsCatalog.fromClassPath().defaults());
    Map<String, String> origins = new TreeMap<>();
    values.keySet().forEach(k -> origins.put(k, "default"));
    if (file != null) {
      apply(values, origins, readFile(file), "file " + file);
    }
    Map<String, String> fromEnv = new LinkedHashMap<>();
    for (String key : values.keySet()) {
      String v = env.get(envName(key));
      if (v != null) {
        fromEnv.put(key, v);
      }
    }
    apply(values, origins, fromEnv, "environment");
    apply(values, origins, overrides, "override");
    return checked(values, origins);
  }

  /** Returns a copy with more overrides applied (same validation as {@link #load}). */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> v = new TreeMap<>(values);
    Map<String, String> o = new TreeMap<>(origins);
    apply(v, o, overrides, "override");
    return checked(v, o);
  }

  /** Every value against its declared type, so a bad one stops a command before any work. */
  private static Settings checked(Map<String, String> values, Map<String, String> origins) {
    SettingsCatalog catalog = SettingsCatalog.fromClassPath();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String origin = origins.get(e.getKey());
      catalog.definition(e.getKey()).type().check(e.getKey(), e.getValue(),
          "default".equals(origin) ? null : origin);
    }
    return new Settings(values, origins);
  }

  /** The one-line description its owning module gives a key ("" when it gives none). */
  public static String description(String key) {
    return SettingsCatalog.fromClassPath().definition(key).description();
  }

  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void apply(Map<String, String> values, Map<String, String> origins,
      Map<String, String> layer, String origin) {
    for (Map.Entry<String, String> e : layer.entrySet()) {
      String key = e.getKey().trim();
      if (!values.containsKey(key)) {
        throw new ConfigException(key, "unknown configuration key '" + key + "' (from " + origin
            + "); known keys are listed by 'patient-insight config'");
      }
      values.put(key, e.getValue() == null ? "" : e.getValue().trim());
      origins.put(key, origin);
    }
  }

  private static Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("--config", "configuration file not found: " + file);
    }
    Map<String, String> out = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String name = file.getFileName().toString();
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        // flat "key: value" lines; nested YAML is not supported on purpose (keys are dotted)
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String t = line.strip();
          if (t.isEmpty() || t.startsWith("#")) {
            continue;
          }
          int c = t.indexOf(':');
          if (c <= 0) {
            throw new ConfigException(t, "bad line in " + file + ": expected 'key: value'");
          }
          String v = t.substring(c + 1).strip();
          if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"")
              || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
          }
          out.put(t.substring(0, c).strip(), v);
        }
      } else {
        Properties p = new Properties();
        p.load(r);
        for (String k : p.stringPropertyNames()) {
          out.put(k, p.getProperty(k));
        }
      }
    } catch (IOException e) {
      throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
    }
    return out;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The raw value of a known key ("" when unset). */
  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new ConfigException(key, "unknown configuration key '" + key + "'");
    }
    return v;
  }

  /** The value, or null when it is empty. */
  public String getOptional(String key) {
    String v = get(key);
    return v.isEmpty() ? null : v;
  }

  public int getInt(String key) {
    String v = get(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(key, v, "an integer");
    }
  }

  public long getLong(String key) {
    String v = get(key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw bad(key, v, "an integer");
    }
  }

  public double getDouble(String key) {
    String v = get(key);
    try {
      double d = Double.parseDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw bad(key, v, "a finite number");
      }
      return d;
    } catch (NumberFormatException e) {
      throw bad(key, v, "a number");
    }
  }

  /** A number that must lie in [min, max]. */
  public double getDouble(String key, double min, double max) {
    double d = getDouble(key);
    if (d < min || d > max) {
      throw bad(key, get(key), "a number in [" + min + ", " + max + "]");
    }
    return d;
  }

  public int getInt(String key, int min, int max) {
    int i = getInt(key);
    if (i < min || i > max) {
      throw bad(key, get(key), "an integer in [" + min + ", " + max + "]");
    }
    return i;
  }

  public boolean getBoolean(String key) {
    String v = get(key).toLowerCase(Locale.ROOT);
    switch (v) {
      case "true": case "yes": case "1": case "on": return true;
      case "false": case "no": case "0": case "off": return false;
      default: throw bad(key, v, "true or false");
    }
  }

  /** One of the allowed words (case-insensitive); returned in lower case. */
  public String getChoice(String key, String... allowed) {
    String v = get(key).toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v)) {
        return a;
      }
    }
    throw bad(key, v, "one of " + String.join(", ", allowed));
  }

  /** Where a key's value came from: default, file, environment or override. */
  public String origin(String key) {
    return origins.getOrDefault(key, "unknown");
  }

  /** Every key and value, sorted (for `config` listings and run parameters). */
  public Map<String, String> asMap() {
    return values;
  }

  private static ConfigException bad(String key, String value, String expected) {
    return new ConfigException(key, "configuration key '" + key + "' must be " + expected
        + ", got '" + value + "'");
  }
}
