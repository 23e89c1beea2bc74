package com.shopsuite.midimo.error;

/**
 * The request conflicts with what Midimo Chat already holds (gRPC {@code ALREADY_EXISTS}, {@code
 * ABORTED}): typically an idempotency key reused with a different payload. Not retryable as is.
 */
public class ConflictException extends MidimoChatException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
