package com.shopsuite.midimo.order;

import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.MidimoChatException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a failed order event is tried again, and when it is given up. The broker redelivers a
 * rolled-back event at once (so that an order's later events cannot overtake it); the waiting
 * happens here, before the rollback. The arithmetic of how long an outage is survived is in
 * wildfly-config's messaging.cli.
 */
@ApplicationScoped
public class OrderEventRetryPolicy {

  @Inject
  @ConfigProperty(name = "midimo.order-events.max-deliveries")
  int maxDeliveries;

  @Inject
  @ConfigProperty(name = "midimo.order-events.backoff.initial")
  Duration initial;

  @Inject
  @ConfigProperty(name = "midimo.order-events.backoff.max")
  Duration max;

  @PostConstruct
  void check() {
    if (maxDeliveries < 1) {
      throw new IllegalStateException(
          "midimo.order-events.max-deliveries must be at least 1; was " + maxDeliveries);
    }
  }

  /**
   * Whether another delivery may succeed: Midimo Chat unavailable or slow, or our credentials
   * rejected (an operator may be fixing them right now), or a failure of ours we cannot classify. A
   * request Midimo Chat refuses for what it is (invalid, forbidden, a conflicting reuse of the
   * event id) fails the same way every time.
   */
  public boolean isWorthRetrying(Throwable failure) {
    if (failure instanceof MidimoChatException chat) {
      return chat.isRetryable() || chat instanceof AuthenticationException;
    }
    return true;
  }

  /** Whether {@code delivery} (1 for the first) is the last one the event gets. */
  public boolean isLastDelivery(int delivery) {
    return delivery >= maxDeliveries;
  }

  /** How long to wait after failed delivery {@code delivery}: 1 s, 2 s, 4 s... at most the max. */
  public Duration backoffAfter(int delivery) {
    int doublings = Math.max(0, Math.min(delivery - 1, 30));
    Duration wait = initial.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
  }

  public int maxDeliveries() {
    return maxDeliveries;
  }
}
