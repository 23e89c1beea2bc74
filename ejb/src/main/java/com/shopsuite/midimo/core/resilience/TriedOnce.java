package com.shopsuite.midimo.core.resilience;

import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import java.util.function.Supplier;

/**
 * A failure the policy's {@code @Retry} must not retry in place, because the caller retries later
 * by itself ({@link com.shopsuite.midimo.context.RetriedByCaller}). Each kind is still the failure
 * it wraps, so the one circuit breaker counts it as such ({@code failOn}); the retry aborts on it
 * ({@code abortOn} wins over {@code retryOn}). The translator hands the caller the original.
 */
final class TriedOnce {

  private TriedOnce() {}

  /** The call, with its unavailability and timeouts marked as not to be retried in place. */
  static <T> Supplier<T> marking(Supplier<T> rpc) {
    return () -> {
      try {
        return rpc.get();
      } catch (ServiceUnavailableException e) {
        throw new Unavailable(e);
      } catch (ServiceTimeoutException e) {
        throw new Timeout(e);
      }
    };
  }

  /** The original failure of a marked one; {@code failure} itself otherwise. */
  static RuntimeException original(RuntimeException failure) {
    if (failure instanceof Unavailable || failure instanceof Timeout) {
      return (MidimoChatException) failure.getCause();
    }
    return failure;
  }

  static final class Unavailable extends ServiceUnavailableException {
    Unavailable(ServiceUnavailableException original) {
      super(original.getMessage(), original.retryAfter().orElse(null), original);
    }
  }

  static final class Timeout extends ServiceTimeoutException {
    Timeout(ServiceTimeoutException original) {
      super(original.getMessage(), original);
    }
  }
}
