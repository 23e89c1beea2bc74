package com.shopsuite.midimo.client;

import jakarta.annotation.Priority;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * How every duration setting of the integration is written: {@code 250ms}, {@code 2s}, {@code 5m},
 * {@code 1h}, or ISO-8601 ({@code PT2S}); always positive. Registered with MicroProfile Config
 * (META-INF/services), so beans inject {@code @ConfigProperty Duration} directly; a bad value fails
 * the deployment with MicroProfile Config's message, which names the key, and this one's, which
 * says what is expected. Above the priority of the default converters, so that {@code 2s} is read
 * as two seconds rather than refused by {@link Duration#parse}.
 */
@Priority(200)
public final class DurationConverter implements Converter<Duration> {

  private static final long serialVersionUID = 1L;

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    if (value == null || value.isBlank()) {
      // MicroProfile Config: an empty value is a missing one.
      return null;
    }
    String text = value.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    Matcher matcher = SHORT.matcher(text);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration =
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
    } else {
      try {
        duration = Duration.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "expected a duration such as 250ms, 2s, 5m or PT2S, not '" + value + "'");
      }
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("expected a positive duration, not '" + value + "'");
    }
    return duration;
  }
}
