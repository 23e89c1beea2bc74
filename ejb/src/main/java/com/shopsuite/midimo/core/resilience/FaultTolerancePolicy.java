package com.shopsuite.midimo.core.resilience;

import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fault-tolerance policy of the hop to Midimo Chat, stated once: every call the service beans
 * make goes through {@link #call}, so there is one retry layer, one circuit breaker and one
 * bulkhead for the whole dependency. (gRPC's own retries are off.) Work that retries later by
 * itself, the order-event lanes ({@link com.shopsuite.midimo.context.RetriedByCaller}), is not
 * retried in place: its failures come marked ({@link TriedOnce}) and the retry aborts on them.
 *
 * <p>Each value can be overridden with the standard MicroProfile Fault Tolerance keys, e.g. {@code
 * com.shopsuite.midimo.core.resilience.FaultTolerancePolicy/call/Retry/maxRetries=3} or, for every
 * policy of the application, {@code Retry/maxRetries=3}.
 *
 * <p>Callers use {@link FaultToleranceTranslator}, which turns this policy's own exceptions into
 * the integration's.
 */
@ApplicationScoped
public class FaultTolerancePolicy {

  // Caps threads parked on Midimo Chat, so a slow chat service cannot take every request thread
  // of the server (16 on 2 cores by default) plus the MDB sessions: beyond 64, fail at once.
  @Bulkhead(64)
  // Longer than the gRPC deadline (midimo.chat.timeout, 2 s) so the deadline normally fires
  // first; this is the backstop for a call stuck where no deadline applies.
  @Timeout(value = 3, unit = ChronoUnit.SECONDS)
  // Opens after half of the last 20 calls failed for lack of service (not for bad input or a
  // missing thread), fails fast for 10 s, then closes after 2 successful probes.
  @CircuitBreaker(
      failOn = {
        ServiceUnavailableException.class,
        ServiceTimeoutException.class,
        TimeoutException.class
      },
      requestVolumeThreshold = 20,
      failureRatio = 0.5,
      delay = 10_000,
      successThreshold = 2)
  // Retries only what another try can fix (no service, no answer in time); every write carries
  // an idempotency key, so a retried write cannot double. Two retries, the first after 200 ms,
  // each ±50 ms of jitter so callers that failed together do not retry together, all within 6 s.
  @Retry(
      retryOn = {
        ServiceUnavailableException.class,
        ServiceTimeoutException.class,
        TimeoutException.class
      },
      abortOn = {TriedOnce.Unavailable.class, TriedOnce.Timeout.class},
      maxRetries = 2,
      delay = 200,
      jitter = 50,
      maxDuration = 6,
      durationUnit = ChronoUnit.SECONDS)
  // Doubles the delay on each retry (200 ms, then 400 ms) to back off from a struggling service.
  // A SmallRye extension that WildFly keeps in a private module: the EAR opts in (its
  // jboss-deployment-structure.xml), otherwise the annotation is silently ignored.
  @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
  public <T> T call(Supplier<T> rpc) {
    return rpc.get();
  }
}
