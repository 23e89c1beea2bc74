package com.shopsuite.midimo.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdTest {

  @Test
  void bind_makesIdCurrentUntilClosed_thenRestoresPrevious() {
    assertThat(RequestId.current()).isEmpty();
    try (RequestId.Scope outer = RequestId.bind("outer")) {
      try (RequestId.Scope inner = RequestId.bind("inner")) {
        assertThat(RequestId.current()).contains("inner");
      }
      assertThat(RequestId.current()).contains("outer");
    }
    assertThat(RequestId.current()).isEmpty();
  }

  @Test
  void currentOrNew_generatesWhenNothingIsBound() {
    String first = RequestId.currentOrNew();
    String second = RequestId.currentOrNew();
    assertThat(first).isNotBlank().isNotEqualTo(second);
    try (RequestId.Scope scope = RequestId.bind("abc-123")) {
      assertThat(RequestId.currentOrNew()).isEqualTo("abc-123");
    }
  }

  @Test
  void isAcceptable_rejectsIdsThatCouldBreakLogsOrHeaders() {
    assertThat(RequestId.isAcceptable("3f2a-01.b:c_d")).isTrue();
    assertThat(RequestId.isAcceptable(RequestId.generate())).isTrue();
    assertThat(RequestId.isAcceptable(null)).isFalse();
    assertThat(RequestId.isAcceptable("")).isFalse();
    assertThat(RequestId.isAcceptable("a b")).isFalse();
    assertThat(RequestId.isAcceptable("line\nbreak")).isFalse();
    assertThat(RequestId.isAcceptable("x".repeat(129))).isFalse();
  }
}
