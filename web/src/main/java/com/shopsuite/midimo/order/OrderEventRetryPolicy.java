package com.shopsuite.midimo.order;

import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.MidimoChatException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which failures of an order event may pass if it is tried again later, how long to wait before
 * each try, and when to give up. Every write an event makes is idempotent on its event id, so any
 * answer that may pass is worth another try: this is wider than what the integration retries at
 * once for a storefront caller ({@link MidimoChatException#isRetryable()}), who decides for itself.
 */
@ApplicationScoped
public class OrderEventRetryPolicy {

  /**
   * gRPC statuses that may pass later: the service is down, slow, overloaded, restarting (INTERNAL,
   * UNKNOWN), interrupted (CANCELLED, also what an undeploy makes of a call in flight), or an
   * optimistic conflict on its side (ABORTED).
   */
  static final Set<String> PASSING =
      Set.of(
          "UNAVAILABLE",
          "DEADLINE_EXCEEDED",
          "RESOURCE_EXHAUSTED",
          "ABORTED",
          "INTERNAL",
          "UNKNOWN",
          "CANCELLED");

  @Inject
  @ConfigProperty(name = "midimo.order-events.max-attempts")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "midimo.order-events.backoff.initial")
  Duration initial;

  @Inject
  @ConfigProperty(name = "midimo.order-events.backoff.max")
  Duration max;

  @PostConstruct
  void check() {
    if (maxAttempts < 1) {
      throw new IllegalStateException(
          "midimo.order-events.max-attempts must be at least 1; was " + maxAttempts);
    }
  }

  /**
   * Whether trying the event again later may succeed. Definitive answers (invalid argument,
   * permission denied, failed precondition, not found, an event id reused with another payload)
   * fail the same way every time. Rejected credentials may pass: an operator may be fixing them (or
   * rotating them) right now. A failure of ours that is no answer of Midimo Chat's (our timeouts,
   * an open circuit, a full bulkhead; anything unexpected) may pass too.
   */
  public boolean mayPassLater(Throwable failure) {
    if (failure instanceof AuthenticationException) {
      return true;
    }
    if (failure instanceof MidimoChatException chat) {
      return chat.upstreamStatus().map(PASSING::contains).orElse(chat.isRetryable());
    }
    return true;
  }

  /** Whether attempt {@code attempt} (1 for the first) is the last the event gets. */
  public boolean isLastAttempt(int attempt) {
    return attempt >= maxAttempts;
  }

  /** How long to wait after failed attempt {@code attempt}: 1 s, 2 s, 4 s... at most the max. */
  public Duration backoffAfter(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 30));
    Duration wait = initial.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
  }

  public int maxAttempts() {
    return maxAttempts;
  }
}
