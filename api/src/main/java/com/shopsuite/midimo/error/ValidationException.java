package com.shopsuite.midimo.error;

/**
 * The request is invalid: our own argument checks before any call, or gRPC {@code
 * INVALID_ARGUMENT}, {@code FAILED_PRECONDITION}, {@code OUT_OF_RANGE}. Not retryable.
 */
public class ValidationException extends MidimoChatException {

  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message, null);
  }

  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
