package com.shopsuite.midimo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void convert_readsTheShortForms() {
    assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(converter.convert(" 5m ")).isEqualTo(Duration.ofMinutes(5));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("15 S")).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void convert_readsIso8601() {
    assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    assertThat(converter.convert("PT2S")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void convert_refusesWhatIsNotADuration_sayingWhatIsExpected() {
    assertThatThrownBy(() -> converter.convert("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("250ms, 2s, 5m or PT2S")
        .hasMessageContaining("'soon'");
  }

  @Test
  void convert_refusesZeroAndNegativeDurations() {
    assertThatThrownBy(() -> converter.convert("0s")).hasMessageContaining("positive");
    assertThatThrownBy(() -> converter.convert("PT-1S")).hasMessageContaining("positive");
  }

  @Test
  void convert_treatsAnEmptyValueAsMissing() {
    assertThat(converter.convert("  ")).isNull();
  }
}
