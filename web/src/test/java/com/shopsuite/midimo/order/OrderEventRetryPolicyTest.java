package com.shopsuite.midimo.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.client.GrpcErrors;
import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import io.grpc.Status;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderEventRetryPolicyTest {

  /** What may pass if tried again later; every other answer is definitive. */
  private static final Set<Status.Code> MAY_PASS =
      EnumSet.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.ABORTED,
          Status.Code.INTERNAL,
          Status.Code.UNKNOWN,
          Status.Code.CANCELLED,
          Status.Code.UNAUTHENTICATED);

  /** As shipped: 25 attempts, 1 s doubling to 30 s. */
  private static OrderEventRetryPolicy shipped() {
    OrderEventRetryPolicy policy = new OrderEventRetryPolicy();
    policy.maxAttempts = 25;
    policy.initial = Duration.ofSeconds(1);
    policy.max = Duration.ofSeconds(30);
    policy.check();
    return policy;
  }

  private final OrderEventRetryPolicy policy = shipped();

  @ParameterizedTest
  @EnumSource(value = Status.Code.class, names = "OK", mode = EnumSource.Mode.EXCLUDE)
  void eachAnswerOfMidimoChat_isTriedAgain_orDeadLettered(Status.Code code) {
    Throwable failure =
        GrpcErrors.toException(
            "ChatService/SendMessage", Status.fromCode(code).withDescription("x").asException());

    assertThat(policy.mayPassLater(failure)).as(code.name()).isEqualTo(MAY_PASS.contains(code));
  }

  @Test
  void theIntegrationsOwnFailures_mayPass_butNotItsOwnChecks() {
    assertThat(policy.mayPassLater(new ServiceUnavailableException("circuit open", null))).isTrue();
    assertThat(policy.mayPassLater(new ServiceTimeoutException("timeout", null))).isTrue();
    assertThat(policy.mayPassLater(new AuthenticationException("secret", null))).isTrue();
    assertThat(policy.mayPassLater(new IllegalStateException("a bug of ours"))).isTrue();
    assertThat(policy.mayPassLater(new ValidationException("orderId is required"))).isFalse();
  }

  @Test
  void backoff_doublesFromOneSecond_upToThirtySeconds() {
    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoffAfter(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(policy.backoffAfter(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theWaitsBeforeTheLastAttempt_survive10MinutesOfOutage() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; !policy.isLastAttempt(attempt); attempt++) {
      total = total.plus(policy.backoffAfter(attempt));
    }
    // The figure microprofile-config.properties states: 1 + 2 + 4 + 8 + 16 + 19 x 30 = 601 s.
    assertThat(total).isEqualTo(Duration.ofSeconds(601));
  }
}
