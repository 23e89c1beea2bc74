package com.shopsuite.midimo.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Midimo Chat cannot take the call now: it is down or overloaded (gRPC {@code UNAVAILABLE}, {@code
 * RESOURCE_EXHAUSTED}), our circuit breaker is open, or our bulkhead is full. Retryable; {@link
 * #retryAfter()} says when trying again makes sense, when that is known.
 */
public class ServiceUnavailableException extends MidimoChatException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public ServiceUnavailableException(String message, Throwable cause) {
    this(message, null, cause);
  }

  public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
