package com.shopsuite.midimo.error;

/**
 * Midimo Chat did not answer in time (gRPC {@code DEADLINE_EXCEEDED}, or the fault-tolerance
 * timeout). Retryable: every write carries an idempotency key, so a retry cannot double it.
 */
public class ServiceTimeoutException extends MidimoChatException {

  private static final long serialVersionUID = 1L;

  public ServiceTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
