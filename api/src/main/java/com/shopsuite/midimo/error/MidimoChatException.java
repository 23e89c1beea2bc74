package com.shopsuite.midimo.error;

import jakarta.ejb.ApplicationException;
import java.util.Optional;

/**
 * Root of every failure the integration reports. Each subclass is one kind of failure with one
 * meaning for callers (and one HTTP status at the REST edge); gRPC statuses and fault-tolerance
 * exceptions are translated into this family in exactly one place each.
 *
 * <p>Unchecked, and an {@link ApplicationException} with {@code rollback = false}: a failed call to
 * Midimo Chat reaches the caller as itself (not wrapped in {@code EJBException}) and does not doom
 * the caller's transaction. Whether to roll back is the caller's decision (the order-event consumer
 * rolls back to get a redelivery; a REST resource has no transaction to care about).
 */
@ApplicationException(rollback = false, inherited = true)
public abstract class MidimoChatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private String upstreamStatus;

  protected MidimoChatException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether the same call may succeed if tried again at once, unchanged: the integration's own
   * retries (and a storefront caller) go by this.
   */
  public abstract boolean isRetryable();

  /**
   * The gRPC status Midimo Chat answered with (e.g. {@code INTERNAL}, {@code ABORTED}), when this
   * failure is its answer; empty for the integration's own (its checks, timeouts, open circuit).
   * For callers that classify more finely than {@link #isRetryable()}: an order event, whose writes
   * are all idempotent, is tried again later on any answer that may pass.
   */
  public Optional<String> upstreamStatus() {
    return Optional.ofNullable(upstreamStatus);
  }

  /** Records the gRPC status this failure translates (see {@link #upstreamStatus()}). */
  public MidimoChatException withUpstreamStatus(String status) {
    this.upstreamStatus = status;
    return this;
  }
}
