package com.shopsuite.midimo.context;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the integration's duration settings, all written the same way: {@code 250ms}, {@code 2s},
 * {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT2S}). Shared by every module that has such a
 * setting, so the format is one and the error messages alike.
 */
public final class DurationSetting {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private DurationSetting() {}

  /**
   * @throws IllegalStateException naming {@code property} when the value is not a positive duration
   */
  public static Duration parse(String property, String value) {
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
        throw new IllegalStateException(
            property + " must be a duration such as 250ms, 2s, 5m or PT2S; was '" + value + "'");
      }
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalStateException(property + " must be positive; was '" + value + "'");
    }
    return duration;
  }
}
