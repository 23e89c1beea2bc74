package com.shopsuite.midimo.error;

/**
 * Midimo Chat rejected our credentials (gRPC {@code UNAUTHENTICATED}) even after a freshly minted
 * token: the shared secret, key id or issuer do not match its configuration. Not retryable; an
 * operator must fix the configuration. The message never contains the token or the secret.
 */
public class AuthenticationException extends MidimoChatException {

  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
