package com.shopsuite.midimo.order;

/**
 * An order event that can never be applied as it is (not JSON, a required field missing, a value
 * too long): retrying it is pointless, so it goes to the dead-letter queue at once, with this
 * exception's message as the reason.
 */
public class InvalidOrderEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidOrderEventException(String reason) {
    super(reason);
  }

  public InvalidOrderEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
