package com.shopsuite.midimo.order;

import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.order.OrderEventMetrics.Cause;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.Pool;

/**
 * Consumes the order system's events from {@code OrderEvents}: reads one, applies it to chat
 * ({@link OrderChatUpdates}), and decides what a failure means. Every delivery ends in one of:
 *
 * <ul>
 *   <li><b>applied</b>: committed; the event leaves the queue;
 *   <li><b>retried</b>: Midimo Chat is unavailable or slow; after a backoff the delivery is rolled
 *       back and the broker redelivers the event at once, ahead of the order's later events;
 *   <li><b>dead-lettered</b>: the event is invalid, Midimo Chat refuses it for what it is, or its
 *       last delivery failed; it is moved to {@code OrderEventsDLQ} with the reason, in the same
 *       transaction.
 * </ul>
 *
 * Nothing is lost (an event leaves the queue only applied or dead-lettered) and nothing is doubled
 * (every write carries the event id as its idempotency key).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/OrderEvents"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      // As many sessions as the pool has instances (messaging.cli: order-event-consumers).
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "32")
    })
@Pool("order-event-consumers")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class OrderEventConsumer implements MessageListener {

  /** Optional message property: the order system's correlation id, used in our logs. */
  public static final String REQUEST_ID = "requestId";

  private static final Logger LOG = Logger.getLogger(OrderEventConsumer.class.getName());

  @Resource MessageDrivenContext context;

  @Inject OrderEventReader reader;

  @Inject OrderChatUpdates chatUpdates;

  @Inject OrderEventRetryPolicy retryPolicy;

  @Inject OrderEventDeadLetters deadLetters;

  @Inject OrderEventMetrics metrics;

  @Override
  public void onMessage(Message message) {
    int delivery = deliveryCount(message);
    OrderEvent event;
    try (RequestId.Scope scope = RequestId.bind(requestIdOf(message, null))) {
      try {
        event = reader.read(message);
      } catch (InvalidOrderEventException invalid) {
        deadLetters.send(message, delivery, "invalid order event: " + invalid.getMessage());
        metrics.deadLettered(Cause.INVALID);
        return;
      }
    }
    try (RequestId.Scope scope = RequestId.bind(requestIdOf(message, event.eventId()))) {
      long started = System.nanoTime();
      try {
        chatUpdates.apply(event);
        metrics.applied(System.nanoTime() - started);
      } catch (RuntimeException failure) {
        onFailure(message, event, delivery, failure);
      }
    }
  }

  private void onFailure(
      Message message, OrderEvent event, int delivery, RuntimeException failure) {
    if (!retryPolicy.isWorthRetrying(failure)) {
      deadLetters.send(message, delivery, "refused by Midimo Chat: " + describe(failure));
      metrics.deadLettered(Cause.REJECTED);
      return;
    }
    if (retryPolicy.isLastDelivery(delivery)) {
      deadLetters.send(
          message,
          delivery,
          "still failing after " + delivery + " deliveries: " + describe(failure));
      metrics.deadLettered(Cause.EXHAUSTED);
      return;
    }
    Duration backoff = retryPolicy.backoffAfter(delivery);
    // Midimo Chat being unavailable is expected here, and its call log has the details; anything
    // else is a surprise worth its stack trace.
    boolean expected = failure instanceof MidimoChatException;
    LOG.log(
        expected ? Level.INFO : Level.WARNING,
        expected ? null : failure,
        () ->
            "order event %s (order %s) failed on delivery %d of %d, redelivered in %d ms: %s"
                .formatted(
                    event.eventId(),
                    event.orderId(),
                    delivery,
                    retryPolicy.maxDeliveries(),
                    backoff.toMillis(),
                    describe(failure)));
    metrics.retried();
    context.setRollbackOnly();
    pause(backoff);
  }

  /**
   * Waits before the rollback hands the event back to the broker, which redelivers it at once; this
   * session holds the event meanwhile, so the order's later events wait behind it.
   */
  private static void pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      // Shutting down: the rollback still happens, the event stays on the queue.
      Thread.currentThread().interrupt();
    }
  }

  private static int deliveryCount(Message message) {
    try {
      return Math.max(1, message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException | NumberFormatException e) {
      return 1;
    }
  }

  /**
   * The producer's request id when it sent an acceptable one, else the event's id or the JMS one.
   */
  private static String requestIdOf(Message message, String eventId) {
    try {
      String given = message.getStringProperty(REQUEST_ID);
      if (RequestId.isAcceptable(given)) {
        return given;
      }
      if (eventId != null) {
        return eventId;
      }
      String jmsId = message.getJMSMessageID();
      return RequestId.isAcceptable(jmsId) ? jmsId : RequestId.generate();
    } catch (JMSException e) {
      return eventId != null ? eventId : RequestId.generate();
    }
  }

  private static String describe(Throwable failure) {
    String text =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }
}
