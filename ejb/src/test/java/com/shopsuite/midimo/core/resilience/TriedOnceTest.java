package com.shopsuite.midimo.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TriedOnceTest {

  @Test
  void unavailabilityAndTimeouts_comeMarked_stillOfTheirKind_andUnwrapToTheOriginal() {
    ServiceUnavailableException down =
        new ServiceUnavailableException("down", Duration.ofSeconds(10), null);
    ServiceTimeoutException slow = new ServiceTimeoutException("slow", null);

    RuntimeException markedDown = thrownBy(() -> TriedOnce.marking(() -> fail(down)).get());
    RuntimeException markedSlow = thrownBy(() -> TriedOnce.marking(() -> fail(slow)).get());

    assertThat(markedDown)
        .isInstanceOf(TriedOnce.Unavailable.class)
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(((ServiceUnavailableException) markedDown).retryAfter())
        .contains(Duration.ofSeconds(10));
    assertThat(markedSlow)
        .isInstanceOf(TriedOnce.Timeout.class)
        .isInstanceOf(ServiceTimeoutException.class);
    assertThat(TriedOnce.original(markedDown)).isSameAs(down);
    assertThat(TriedOnce.original(markedSlow)).isSameAs(slow);
  }

  @Test
  void otherFailures_andAnswers_passUnchanged() {
    ResourceNotFoundException gone = new ResourceNotFoundException("gone", null);

    assertThatThrownBy(() -> TriedOnce.marking(() -> fail(gone)).get()).isSameAs(gone);
    assertThat(TriedOnce.original(gone)).isSameAs(gone);
    assertThat(TriedOnce.marking(() -> "answer").get()).isEqualTo("answer");
  }

  private static Object fail(RuntimeException failure) {
    throw failure;
  }

  private static RuntimeException thrownBy(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("nothing thrown");
  }
}
