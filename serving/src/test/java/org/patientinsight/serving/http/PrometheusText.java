package org.patientinsight.serving.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (the rules of
 * prometheus.io/docs/instrumenting/exposition_formats): # HELP / # TYPE lines, then samples
 * {@code name{label="value",...} value}. It throws on any line that breaks the rules, and
 * checks that every sample belongs to a declared family of a known type.
 */
final class PrometheusText {
  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+-?\\d+)?");
  private static final Pattern LABEL = Pattern.compile(
      "\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\"\\s*(,|$)");

  final Map<String, String> types = new HashMap<>();
  final List<Sample> samples = new ArrayList<>();

  static PrometheusText parse(String text) {
    PrometheusText p = new PrometheusText();
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ");
        if (parts.length != 2 || !NAME.matcher(parts[0]).matches()
            || !List.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[1])) {
          throw new IllegalArgumentException("line " + n + ": bad TYPE: " + line);
        }
        p.types.put(parts[0], parts[1]);
      } else if (line.startsWith("# HELP ")) {
        if (!NAME.matcher(line.substring(7).split(" ", 2)[0]).matches()) {
          throw new IllegalArgumentException("line " + n + ": bad HELP: " + line);
        }
      } else if (line.startsWith("#")) {
        continue; // comment
      } else {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
          throw new IllegalArgumentException("line " + n + ": not a sample: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null && !m.group(3).isEmpty()) {
          Matcher l = LABEL.matcher(m.group(3));
          int end = 0;
          while (end < m.group(3).length() && l.find(end) && l.start() == end) {
            labels.put(l.group(1), l.group(2));
            end = l.end();
          }
          if (end != m.group(3).length()) {
            throw new IllegalArgumentException("line " + n + ": bad labels: " + line);
          }
        }
        double v = parseValue(m.group(4), n);
        String family = family(m.group(1), p.types);
        if (family == null) {
          throw new IllegalArgumentException("line " + n + ": sample without TYPE: " + line);
        }
        p.samples.add(new Sample(m.group(1), labels, v));
      }
    }
    return p;
  }

  private static double parseValue(String s, int n) {
    switch (s) {
      case "+Inf": return Double.POSITIVE_INFINITY;
      case "-Inf": return Double.NEGATIVE_INFINITY;
      case "NaN": return Double.NaN;
      default:
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("line " + n + ": bad value " + s);
        }
    }
  }

  private static String family(String sample, Map<String, String> types) {
    if (types.containsKey(sample)) {
      return sample;
    }
    for (String suffix : List.of("_total", "_created", "_bucket", "_sum", "_count")) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        if (types.containsKey(base)) {
          return base;
        }
      }
    }
    return null;
  }

  List<Sample> named(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  double sum(String name, Map<String, String> labelSubset) {
    return named(name).stream()
        .filter(s -> s.labels().entrySet().containsAll(labelSubset.entrySet()))
        .mapToDouble(Sample::value).sum();
  }
}
