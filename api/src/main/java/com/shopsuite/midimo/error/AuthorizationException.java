package com.shopsuite.midimo.error;

/**
 * The action is not allowed (gRPC {@code PERMISSION_DENIED}): for example the sender is not a
 * participant of the thread, or our token lacks the scope. Not retryable.
 */
public class AuthorizationException extends MidimoChatException {

  private static final long serialVersionUID = 1L;

  public AuthorizationException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
