package com.shopsuite.midimo.order;

/**
 * An order event that can never be applied as it is (not JSON, a required field missing, a value
 * too long): retrying it is pointless, so it goes to the dead-letter queue at once, with this
 * exception's message as the reason. When the order it belongs to can still be told (a valid order
 * id), that order's later events follow it there; when not, it blocks nothing.
 */
public class InvalidOrderEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String orderId;

  public InvalidOrderEventException(String reason, String orderId) {
    super(reason);
    this.orderId = orderId;
  }

  public InvalidOrderEventException(String reason, String orderId, Throwable cause) {
    super(reason, cause);
    this.orderId = orderId;
  }

  /** The order it belongs to; null when the body names none that is usable (malformed). */
  public String orderId() {
    return orderId;
  }
}
