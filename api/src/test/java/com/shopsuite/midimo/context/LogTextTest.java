package com.shopsuite.midimo.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void of_escapesWhatCouldEndALine() {
    assertThat(LogText.of("order_1\n2026-12-07 INFO forged line\r"))
        .isEqualTo("order_1\\n2026-12-07 INFO forged line\\r")
        .doesNotContain("\n");
    assertThat(LogText.of("a\u0000b\u2028c")).isEqualTo("a\\u0000b\\u2028c");
    assertThat(LogText.of("back\\slash")).isEqualTo("back\\\\slash");
  }

  @Test
  void of_keepsOrdinaryValues_andCutsLongOnes() {
    assertThat(LogText.of("order_456")).isEqualTo("order_456");
    assertThat(LogText.of(null)).isEqualTo("-");
    assertThat(LogText.of("x".repeat(1000))).hasSize(303).endsWith("...");
  }
}
