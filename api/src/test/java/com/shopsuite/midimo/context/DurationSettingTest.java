package com.shopsuite.midimo.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationSettingTest {

  @Test
  void parse_readsTheShortForms() {
    assertThat(DurationSetting.parse("k", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationSetting.parse("k", "15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(DurationSetting.parse("k", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationSetting.parse("k", "1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void parse_readsIso8601() {
    assertThat(DurationSetting.parse("k", "PT2S")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void parse_rejectsNonsense_namingTheKey() {
    assertThatThrownBy(() -> DurationSetting.parse("midimo.chat.sse.heartbeat", "soon"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("midimo.chat.sse.heartbeat");
  }

  @Test
  void parse_rejectsZero() {
    assertThatThrownBy(() -> DurationSetting.parse("k", "0s"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("positive");
  }
}
