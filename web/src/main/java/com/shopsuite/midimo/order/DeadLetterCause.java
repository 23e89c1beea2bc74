package com.shopsuite.midimo.order;

import java.util.Locale;

/**
 * Why an order event went to {@code OrderEventsDLQ}. Every cause but {@link #MALFORMED} blocks the
 * order: its later events follow it into the DLQ ({@link #BEHIND}) until an operator redrives.
 */
public enum DeadLetterCause {
  /** Not an order event at all (no usable order id): blocks nothing. */
  MALFORMED,
  /** An order event that breaks a rule (a value too long, a field missing). */
  INVALID,
  /** Midimo Chat refused it for what it is (invalid argument, permission denied...). */
  REJECTED,
  /** Midimo Chat kept failing in ways that may pass, for longer than the retries last. */
  EXHAUSTED,
  /** An earlier event of the same order is in the DLQ: this one waits behind it. */
  BEHIND;

  /** As the {@code deadLetterCause} property and the metric's tag write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
