package com.shopsuite.midimo.order;

/**
 * The queues of order events (wildfly-config's messaging.cli creates them) and the message
 * properties this application writes on them.
 */
public final class OrderEventQueues {

  /** Where the order system publishes, and where the lanes' retry timers go. */
  public static final String EVENTS = "java:/jms/queue/OrderEvents";

  /** Events waiting behind their order's head until it is applied. Nobody else reads it. */
  public static final String PARKED = "java:/jms/queue/OrderEventsParked";

  /** Events that will not be applied until an operator moves them back. */
  public static final String DEAD_LETTERS = "java:/jms/queue/OrderEventsDLQ";

  /** On parked and dead-lettered copies: the event's order, when it has a usable one. */
  public static final String ORDER_ID = "orderId";

  /** On parked and dead-lettered copies: the event id (or the JMS message id, when invalid). */
  public static final String EVENT_ID = "eventId";

  /** On parked copies: this copy, to take exactly it. */
  public static final String PARKED_ID = "parkedId";

  /** On dead-lettered copies: why, in words. */
  public static final String REASON = "deadLetterReason";

  /** On dead-lettered copies: why, as a {@link DeadLetterCause} label. */
  public static final String CAUSE = "deadLetterCause";

  /** On copies dead-lettered "behind" another event: that event's id. */
  public static final String BLOCKED_BY = "blockedBy";

  /** On copies: the JMSMessageID of the message the order system sent. */
  public static final String ORIGINAL_MESSAGE_ID = "originalMessageId";

  /** On dead-lettered copies: when, ISO-8601. */
  public static final String DEAD_LETTERED_AT = "deadLetteredAt";

  /** On retry timers: {@code retry} or {@code dead_letter} (see {@link RetryTimer.Mode}). */
  public static final String TIMER = "orderLaneTimer";

  /** On retry timers: the head event and the attempt it gets. */
  public static final String TIMER_HEAD = "orderLaneHead";

  public static final String TIMER_ATTEMPT = "orderLaneAttempt";

  /** The producer's message group: one order's events are consumed one at a time, in order. */
  public static final String GROUP = "JMSXGroupID";

  private OrderEventQueues() {}

  /** A JMS selector string literal ({@code 'it''s'}): values are the order system's, not ours. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
