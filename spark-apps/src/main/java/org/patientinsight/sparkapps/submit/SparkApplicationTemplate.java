package org.patientinsight.sparkapps.submit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.patientinsight.sparkapps.model.SparkApplication;

/**
 * The pipeline SparkApplication template, {@code spark-apps/k8s/templates/pipeline-sparkapplication.yaml},
 * packaged on the classpath. Read strictly: a field the typed model does not know fails here.
 */
public final class SparkApplicationTemplate {
  public static final String RESOURCE = "/patient-insight/k8s/pipeline-sparkapplication.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final byte[] yaml;

  private SparkApplicationTemplate(byte[] yaml) {
    this.yaml = yaml;
    fresh(); // fail at load time, not at first submission
  }

  public static SparkApplicationTemplate fromClasspath() {
    try (InputStream in = SparkApplicationTemplate.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("SparkApplication template missing from the classpath: " + RESOURCE);
      }
      return new SparkApplicationTemplate(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public static SparkApplicationTemplate fromYaml(byte[] yaml) {
    return new SparkApplicationTemplate(yaml.clone());
  }

  /** A new, independent copy of the template to fill in. */
  public SparkApplication fresh() {
    try {
      SparkApplication app = YAML.readValue(yaml, SparkApplication.class);
      if (app.getSpec() == null) {
        throw new IllegalStateException("SparkApplication template has no spec");
      }
      return app;
    } catch (IOException e) {
      throw new IllegalStateException("SparkApplication template is not valid for the typed model: " + e.getMessage(), e);
    }
  }
}
