package org.patientinsight.quality.profile;

/**
 * Deequ's profiler makes Spark's Janino code generator log an "is not an rvalue" compile error
 * with a long stack trace, and the projection then logs the same trace again as it falls back
 * to interpreted evaluation, which works. Both are noise, so these loggers are turned down
 * (once per JVM). Done in code, not only in a log config, because the launcher's log config
 * may differ.
 */
final class CodegenNoise {
  static final String CODE_GENERATOR =
      "org.apache.spark.sql.catalyst.expressions.codegen.CodeGenerator";
  static final String MUTABLE_PROJECTION =
      "org.apache.spark.sql.catalyst.expressions.MutableProjection";
  private static volatile boolean quiet;

  private CodegenNoise() {}

  static void quiet() {
    if (quiet) {
      return;
    }
    try {
      org.apache.logging.log4j.core.config.Configurator.setLevel(CODE_GENERATOR,
          org.apache.logging.log4j.Level.FATAL);
      org.apache.logging.log4j.core.config.Configurator.setLevel(MUTABLE_PROJECTION,
          org.apache.logging.log4j.Level.ERROR);
    } catch (NoClassDefFoundError | RuntimeException e) {
      // log4j-core absent (another logging backend): leave its configuration alone
    }
    quiet = true;
  }
}
