package com.shopsuite.midimo.core.resilience;

import com.shopsuite.midimo.context.RetriedByCaller;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * How the service beans call Midimo Chat: under the {@link FaultTolerancePolicy} (without its
 * retries for work that retries by itself, {@link RetriedByCaller}), with the policy's own
 * exceptions (open circuit, full bulkhead, timeout) translated here, the one place, into the
 * integration's. Callers therefore only ever see {@link MidimoChatException}s.
 */
@ApplicationScoped
public class FaultToleranceTranslator {

  @Inject FaultTolerancePolicy policy;

  @Inject CircuitBreakerDelay circuitBreakerDelay;

  public <T> T call(Supplier<T> rpc) {
    try {
      return RetriedByCaller.isBound() ? once(rpc) : policy.call(rpc);
    } catch (CircuitBreakerOpenException e) {
      Duration retryAfter = circuitBreakerDelay.get();
      throw new ServiceUnavailableException(
          "Midimo Chat is failing; calls are suspended for up to "
              + retryAfter.toSeconds()
              + " s (circuit breaker open)",
          retryAfter,
          e);
    } catch (BulkheadException e) {
      throw new ServiceUnavailableException(
          "too many calls to Midimo Chat in progress (bulkhead full)", Duration.ofSeconds(1), e);
    } catch (TimeoutException e) {
      throw new ServiceTimeoutException("Midimo Chat did not answer in time (timeout)", e);
    }
  }

  private <T> T once(Supplier<T> rpc) {
    try {
      return policy.call(TriedOnce.marking(rpc));
    } catch (TriedOnce.Unavailable | TriedOnce.Timeout marked) {
      throw TriedOnce.original(marked);
    }
  }

  public void run(Runnable rpc) {
    call(
        () -> {
          rpc.run();
          return null;
        });
  }
}
