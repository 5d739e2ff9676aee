package org.patientinsight.sparkapps.submit;

import java.util.regex.Pattern;

/** Kubernetes label value rules: at most 63 characters, alphanumeric at both ends, {@code -_.} inside. */
final class LabelValues {
  private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

  private LabelValues() {
  }

  static boolean isValid(String value) {
    return value != null && value.length() <= 63 && VALUE.matcher(value).matches();
  }
}
