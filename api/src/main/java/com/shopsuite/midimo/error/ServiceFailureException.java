package com.shopsuite.midimo.error;

/**
 * Midimo Chat failed in a way no other kind describes (gRPC {@code INTERNAL}, {@code UNKNOWN},
 * {@code UNIMPLEMENTED}, {@code DATA_LOSS}, {@code CANCELLED}): a bug or a contract mismatch on one
 * side. Not retryable: the same call would fail the same way.
 */
public class ServiceFailureException extends MidimoChatException {

  private static final long serialVersionUID = 1L;

  public ServiceFailureException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
