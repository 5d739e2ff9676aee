package org.patientinsight.jobs.testing;

import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;

/**
 * What the console log would print while it is open: every event reaching the root logger,
 * formatted by the layout of the jobs' console appender (so its redaction applies). That
 * appender holds the stderr of the JVM's start, which a test cannot capture.
 */
public final class CapturedLogs implements AutoCloseable {
  private final StringWriter out = new StringWriter();
  private final WriterAppender appender;
  private final LoggerContext context;

  public CapturedLogs() {
    context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    appender = WriterAppender.newBuilder().setName("captured-" + System.nanoTime())
        .setLayout(consoleLayout()).setTarget(out).build();
    appender.start();
    config.getRootLogger().addAppender(appender, null, null);
    context.updateLoggers();
  }

  /**
   * The layout of the appender named "console" in the jobs' own {@code log4j2.properties}, read
   * from it (in this test JVM quality's {@code log4j2-test.properties} configures logging).
   */
  public static Layout<?> consoleLayout() {
    URL url = CapturedLogs.class.getClassLoader().getResource("log4j2.properties");
    if (url == null) {
      throw new IllegalStateException("jobs' log4j2.properties is not on the class path");
    }
    try {
      Configuration jobs = new PropertiesConfigurationFactory().getConfiguration(
          new LoggerContext("jobs-console-layout"), ConfigurationSource.fromUri(url.toURI()));
      jobs.initialize();
      Appender console = jobs.getAppender("console");
      if (console == null) {
        throw new IllegalStateException("no 'console' appender in " + url);
      }
      return console.getLayout();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public String text() {
    return out.toString();
  }

  @Override
  public void close() {
    context.getConfiguration().getRootLogger().removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}
