package com.shopsuite.midimo.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.AuthorizationException;
import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderEventRetryPolicyTest {

  /** As shipped: 25 deliveries, 1 s doubling to 30 s. */
  private static OrderEventRetryPolicy shipped() {
    OrderEventRetryPolicy policy = new OrderEventRetryPolicy();
    policy.maxDeliveries = 25;
    policy.initial = java.time.Duration.ofSeconds(1);
    policy.max = java.time.Duration.ofSeconds(30);
    policy.check();
    return policy;
  }

  private final OrderEventRetryPolicy policy = shipped();

  @Test
  void backoff_doublesFromOneSecond_upToThirtySeconds() {
    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoffAfter(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(policy.backoffAfter(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.backoffAfter(24)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theWaitsBeforeTheLastDelivery_survive10MinutesOfOutage() {
    Duration total = Duration.ZERO;
    for (int delivery = 1; !policy.isLastDelivery(delivery); delivery++) {
      total = total.plus(policy.backoffAfter(delivery));
    }
    // The figure messaging.cli states: 1 + 2 + 4 + 8 + 16 + 19 x 30 = 601 s.
    assertThat(total).isEqualTo(Duration.ofSeconds(601));
  }

  @Test
  void onlyFailuresAnotherDeliveryCanFix_areRetried() {
    assertThat(policy.isWorthRetrying(new ServiceUnavailableException("down", null))).isTrue();
    assertThat(policy.isWorthRetrying(new ServiceTimeoutException("slow", null))).isTrue();
    assertThat(policy.isWorthRetrying(new AuthenticationException("secret", null))).isTrue();
    assertThat(policy.isWorthRetrying(new IllegalStateException("a bug of ours"))).isTrue();
    assertThat(policy.isWorthRetrying(new ValidationException("too long"))).isFalse();
    assertThat(policy.isWorthRetrying(new AuthorizationException("not a participant", null)))
        .isFalse();
    assertThat(policy.isWorthRetrying(new ConflictException("event id reused", null))).isFalse();
  }

  @Test
  void isLastDelivery_atTheConfiguredCount() {
    assertThat(policy.isLastDelivery(24)).isFalse();
    assertThat(policy.isLastDelivery(25)).isTrue();
  }
}
