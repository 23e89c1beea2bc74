package com.shopsuite.midimo.order;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lanes' state on the broker: writes with the container's {@link JMSContext}, which joins the
 * consuming transaction (the event leaves {@code OrderEvents} and arrives on the parked queue or
 * the DLQ together, or not at all, even if the server dies in between); reads through {@link
 * OrderLaneBrowser}. A JMS failure here rolls the whole delivery back, to be tried again.
 */
@ApplicationScoped
public class JmsOrderLaneStore implements OrderLaneStore {

  /** How long taking a parked copy waits for it: it is there, the consumer only has to get it. */
  private static final long TAKE_TIMEOUT_MILLIS = 5_000;

  @Inject JMSContext jms;

  @Inject OrderLaneBrowser browser;

  @Resource(lookup = OrderEventQueues.EVENTS)
  Queue events;

  @Resource(lookup = OrderEventQueues.PARKED)
  Queue parked;

  @Resource(lookup = OrderEventQueues.DEAD_LETTERS)
  Queue deadLetters;

  @Override
  public List<ParkedEvent> parked(String orderId, int max) {
    return browser.parked(orderId, max);
  }

  @Override
  public Optional<String> blockingEventId(String orderId) {
    return browser.firstBlocking(orderId);
  }

  @Override
  public boolean isDeadLettered(String orderId, String eventId) {
    return browser.isDeadLettered(orderId, eventId);
  }

  @Override
  public void park(Message message, String orderId, String eventId) {
    try {
      Message copy = JmsCopies.copy(jms, message, Set.of());
      copy.setStringProperty(OrderEventQueues.PARKED_ID, UUID.randomUUID().toString());
      copy.setStringProperty(OrderEventQueues.ORDER_ID, orderId);
      setIfPresent(copy, OrderEventQueues.EVENT_ID, eventId);
      jms.createProducer().send(parked, copy);
    } catch (JMSException | JMSRuntimeException e) {
      throw new IllegalStateException("cannot park an order event", e);
    }
  }

  @Override
  public void take(ParkedEvent event) {
    String selector =
        OrderEventQueues.PARKED_ID + " = " + OrderEventQueues.literal(event.parkedId());
    try (JMSConsumer consumer = jms.createConsumer(parked, selector)) {
      if (consumer.receive(TAKE_TIMEOUT_MILLIS) == null) {
        throw new IllegalStateException("parked event " + event.parkedId() + " is gone");
      }
    } catch (JMSRuntimeException e) {
      throw new IllegalStateException("cannot take a parked order event", e);
    }
  }

  @Override
  public void deadLetter(
      Message message,
      String orderId,
      String eventId,
      DeadLetterCause cause,
      String reason,
      String blockedBy) {
    try {
      // A parked copy's parking id stays behind, and so does what an earlier trip to the DLQ said
      // it was behind (a redriven event dead-lettered again): the copy says why it is there now.
      Message copy =
          JmsCopies.copy(
              jms, message, Set.of(OrderEventQueues.PARKED_ID, OrderEventQueues.BLOCKED_BY));
      setIfPresent(copy, OrderEventQueues.ORDER_ID, orderId);
      setIfPresent(copy, OrderEventQueues.EVENT_ID, eventId);
      copy.setStringProperty(OrderEventQueues.CAUSE, cause.label());
      copy.setStringProperty(OrderEventQueues.REASON, reason);
      setIfPresent(copy, OrderEventQueues.BLOCKED_BY, blockedBy);
      copy.setStringProperty(OrderEventQueues.DEAD_LETTERED_AT, Instant.now().toString());
      jms.createProducer().send(deadLetters, copy);
    } catch (JMSException | JMSRuntimeException e) {
      throw new IllegalStateException("cannot dead-letter an order event", e);
    }
  }

  @Override
  public void schedule(RetryTimer timer, Duration delay) {
    try {
      Message message = jms.createMessage();
      message.setStringProperty(OrderEventQueues.GROUP, timer.group());
      message.setStringProperty(
          OrderEventQueues.TIMER, timer.mode().name().toLowerCase(Locale.ROOT));
      message.setStringProperty(OrderEventQueues.ORDER_ID, timer.orderId());
      message.setStringProperty(OrderEventQueues.TIMER_HEAD, timer.headEventId());
      message.setIntProperty(OrderEventQueues.TIMER_ATTEMPT, timer.attempt());
      jms.createProducer().setDeliveryDelay(delay.toMillis()).send(events, message);
    } catch (JMSException | JMSRuntimeException e) {
      throw new IllegalStateException("cannot schedule the retry of an order", e);
    }
  }

  /** The timer a message on {@code OrderEvents} is, if it is one. */
  static Optional<RetryTimer> timerOf(Message message) throws JMSException {
    String mode = message.getStringProperty(OrderEventQueues.TIMER);
    if (mode == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RetryTimer(
            message.getStringProperty(OrderEventQueues.ORDER_ID),
            message.getStringProperty(OrderEventQueues.GROUP),
            message.getStringProperty(OrderEventQueues.TIMER_HEAD),
            message.getIntProperty(OrderEventQueues.TIMER_ATTEMPT),
            RetryTimer.Mode.valueOf(mode.toUpperCase(Locale.ROOT))));
  }

  private static void setIfPresent(Message message, String property, String value)
      throws JMSException {
    if (value != null) {
      message.setStringProperty(property, value);
    }
  }
}
