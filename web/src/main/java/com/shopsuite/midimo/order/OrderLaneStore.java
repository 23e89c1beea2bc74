package com.shopsuite.midimo.order;

import jakarta.jms.Message;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the state of each order's lane is kept: in the broker, beside the events themselves, so
 * that it survives a crash and every node sees the same. An order is held while it has parked
 * events ({@code OrderEventsParked}), blocked while one of its events is in {@code OrderEventsDLQ}
 * for any reason but a malformed body. Writes join the consuming transaction; reads are browses.
 */
public interface OrderLaneStore {

  /** The order's parked events, oldest first, at most {@code max}. */
  List<ParkedEvent> parked(String orderId, int max);

  /** The id of the order's first event in the DLQ that blocks it, if any. */
  Optional<String> blockingEventId(String orderId);

  /** Whether the order's event {@code eventId} (or JMS message id) is in the DLQ. */
  boolean isDeadLettered(String orderId, String eventId);

  /** Parks a copy of {@code message} behind the order's head. */
  void park(Message message, String orderId, String eventId);

  /** Takes this copy off the parked queue. */
  void take(ParkedEvent parked);

  /**
   * Moves a copy of {@code message} to the DLQ, with why.
   *
   * @param orderId null for a malformed event (no usable order id): it blocks nothing
   * @param blockedBy the event it waits behind, for {@link DeadLetterCause#BEHIND}; else null
   */
  void deadLetter(
      Message message,
      String orderId,
      String eventId,
      DeadLetterCause cause,
      String reason,
      String blockedBy);

  /** A retry of the order, in its message group, after {@code delay}. */
  void schedule(RetryTimer timer, Duration delay);
}
