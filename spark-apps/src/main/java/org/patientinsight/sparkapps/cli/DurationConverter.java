package org.patientinsight.sparkapps.cli;

import java.time.Duration;
import org.patientinsight.core.config.Durations;
import picocli.CommandLine;

/** A positive duration option ({@code 90s}, {@code 30m}, {@code 2h}, {@code 500ms}, {@code PT30M}); see {@link Durations}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    try {
      return Durations.parsePositive(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
