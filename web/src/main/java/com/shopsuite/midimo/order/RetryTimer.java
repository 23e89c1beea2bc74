package com.shopsuite.midimo.order;

/**
 * A retry of an order whose head event is held: a message on {@code OrderEvents} in the order's own
 * message group, delivered when its backoff has passed, so that it is handled in turn with the
 * order's other events and never beside them.
 *
 * @param group the order's message group ({@code JMSXGroupID}, as its producer set it)
 * @param headEventId the parked event the attempt count belongs to
 * @param attempt the attempt the head gets when this fires (its first delivery was attempt 1)
 * @param mode what to do with the order's parked events
 */
public record RetryTimer(String orderId, String group, String headEventId, int attempt, Mode mode) {

  /** What a timer does when it fires. */
  public enum Mode {
    /** Apply the parked events in order, from the head. */
    RETRY,
    /** The head was dead-lettered: move the rest of the parked events behind it, in order. */
    DEAD_LETTER
  }
}
