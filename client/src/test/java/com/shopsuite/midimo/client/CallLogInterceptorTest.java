package com.shopsuite.midimo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CallLogInterceptorTest {

  private static String millis(long nanos) {
    StringBuilder line = new StringBuilder();
    CallLogInterceptor.appendMillis(line, nanos);
    return line.toString();
  }

  @Test
  void appendMillis_writesThreeDecimals() {
    assertThat(millis(0)).isEqualTo("0.000");
    assertThat(millis(7_000)).isEqualTo("0.007");
    assertThat(millis(42_000)).isEqualTo("0.042");
    assertThat(millis(1_234_000)).isEqualTo("1.234");
    assertThat(millis(2_000_000_000L)).isEqualTo("2000.000");
  }

  @Test
  void appendMillis_roundsAsStringFormatDoes() {
    for (long nanos :
        new long[] {499, 500, 1_499, 1_500, 999_499, 999_500, 123_456_789, 3_000_000_499L}) {
      assertThat(millis(nanos))
          .as("%d ns", nanos)
          .isEqualTo(String.format(Locale.ROOT, "%.3f", nanos / 1e6));
    }
  }
}
