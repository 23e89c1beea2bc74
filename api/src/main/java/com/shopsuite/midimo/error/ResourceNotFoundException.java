package com.shopsuite.midimo.error;

/** The thread, message or notification does not exist (gRPC {@code NOT_FOUND}). Not retryable. */
public class ResourceNotFoundException extends MidimoChatException {

  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
