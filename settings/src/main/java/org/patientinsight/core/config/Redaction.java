package org.patientinsight.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may leave the process: credentials inside URIs ({@code s3a://KEY:SECRET@bucket/…},
 * {@code https://user:pass@host/…}, a webhook's {@code ?token=…}) become {@code ***}, and a
 * value whose name (or source) is a secret is masked whole. Every output — run summary, report,
 * MLflow, console lines, logs — goes through here, so a URI typed with credentials in it or an
 * error quoting one never lands on disk or screen.
 */
public final class Redaction {
  /** What a redacted part reads as. */
  public static final String MASK = "***";

  /** scheme://userinfo@ — the userinfo is everything up to the @ before the host. */
  private static final Pattern USERINFO =
      Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.\\-]*://)([^/\\s@?#\"'<>]+)@");
  /** ?name=value or &name=value inside a URI (also ; as some signers use). */
  private static final Pattern QUERY_PARAM =
      Pattern.compile("([?&;])([A-Za-z0-9_.\\-]+)=([^&;#\\s\"'<>]*)");
  /** Words that make a name secret on their own ("tokens" is not one: max_tokens counts the model's). */
  private static final Set<String> SECRET_WORDS = Set.of("secret", "secrets", "token", "password",
      "passwords", "passwd", "pwd", "passphrase", "credential", "credentials", "apikey", "signature", "sig",
      "bearer", "privatekey");
  /** "key" is secret only after one of these ({@code API_KEY}, {@code fs.s3a.access.key}), not in {@code analyses_per_key}. */
  private static final Set<String> KEY_QUALIFIERS = Set.of("api", "access", "secret", "private", "signing",
      "encryption", "master", "session", "client", "account", "subscription", "shared", "auth");
  /**
   * Secret by where they come from although their names say nothing: the environment variables
   * README lists as secrets (a webhook URL carries its token in its path).
   */
  private static final Set<String> SECRET_SOURCES = Set.of("PI_ALERTS_WEBHOOK_URL", "PI_SMTP_PASSWORD",
      "MLFLOW_TRACKING_TOKEN", "MLFLOW_TRACKING_PASSWORD", "PINECONE_API_KEY", "OPENAI_API_KEY",
      "PI_LINEAGE_API_KEY", "PATIENT_INSIGHT_API_KEY_HASHES", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
      "PI_SERVING_METRICS_TOKEN");

  private Redaction() {}

  /**
   * Text with every URI credential replaced: {@code s3a://K:S@b/k} → {@code s3a://***@b/k},
   * {@code ?token=abc&page=2} → {@code ?token=***&page=2}. Null stays null; other text is unchanged.
   */
  public static String text(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    String out = USERINFO.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    if (out.indexOf('=') < 0) {
      return out;
    }
    return QUERY_PARAM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
        isSecretParam(m.group(2)) && !m.group(3).isEmpty() && !MASK.equals(m.group(3))
            ? m.group(1) + m.group(2) + "=" + MASK : m.group()));
  }

  /**
   * Whether a name marks a secret: by its words ({@code PINECONE_API_KEY}, {@code smtp.password},
   * {@code X-Amz-Signature}; not {@code tokenizer}, not {@code analyses_per_key}) or by its
   * source ({@code PI_ALERTS_WEBHOOK_URL}).
   */
  public static boolean isSecretName(String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    if (SECRET_SOURCES.contains(name.strip().toUpperCase(Locale.ROOT))) {
      return true;
    }
    List<String> words = words(name);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (SECRET_WORDS.contains(w)) {
        return true;
      }
      if (w.equals("key") && (words.size() == 1 || i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** A query parameter whose value is a secret (a bare {@code key=} too: API keys travel so). */
  private static boolean isSecretParam(String name) {
    return isSecretName(name) || name.equalsIgnoreCase("key") || name.equalsIgnoreCase("code");
  }

  /** The value as a listing may show it: masked whole when its name is secret, else its URIs redacted. */
  public static String value(String name, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return isSecretName(name) ? MASK : text(value);
  }

  /** A copy of a map, lists and strings inside it redacted ({@link #text}); other values kept. */
  public static Object deep(Object value) {
    if (value instanceof String s) {
      return text(s);
    }
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, deep(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(deep(v)));
      return out;
    }
    return value;
  }

  /** {@code PINECONE_API_KEY}, {@code fs.s3a.access.key}, {@code accessToken} → lower-case words. */
  private static List<String> words(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    List<String> out = new ArrayList<>();
    for (String w : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
