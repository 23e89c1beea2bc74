package com.shopsuite.midimo.order;

import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.context.RetriedByCaller;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Optional;
import org.jboss.ejb3.annotation.Pool;

/**
 * Consumes {@code OrderEvents}: the order system's events, and the retry timers of held orders,
 * each handed to its order's lane ({@link OrderLanes}) inside the consuming transaction. Every
 * delivery ends applied, parked behind its order's head (to be retried, in order), or dead-lettered
 * with its reason, all in that transaction: nothing is lost (an event leaves the queue only for one
 * of those) and nothing is doubled (every write carries the event id as its idempotency key). No
 * delivery waits: a failing event is parked, not slept on, so the events of other orders on this
 * session are never held up.
 *
 * <p>Only a failure of the broker itself rolls a delivery back, to be redelivered at once; one
 * redelivered that often without an outcome (a crash at every try) is dead-lettered.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = OrderEventQueues.EVENTS),
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

  @Inject OrderLanes lanes;

  @Inject OrderEventRetryPolicy policy;

  @Override
  public void onMessage(Message message) {
    // The lanes retry a failed event later, with a scheduled message: its calls are tried once
    // here,
    // never retried in place while this session (and every order group pinned to it) waits.
    try (RequestId.Scope scope = RequestId.bind(requestIdOf(message));
        RequestId.Scope once = RetriedByCaller.bind()) {
      Optional<RetryTimer> timer = JmsOrderLaneStore.timerOf(message);
      if (timer.isPresent()) {
        lanes.retry(timer.get());
      } else if (deliveryCount(message) > policy.maxAttempts()) {
        lanes.giveUp(message, deliveryCount(message));
      } else {
        lanes.arrive(message, redriveOf(message));
      }
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read an order event's headers", e);
    }
  }

  /** An event an operator moved back from the DLQ carries the DLQ's properties. */
  private static OrderLanes.Redrive redriveOf(Message message) throws JMSException {
    if (!message.propertyExists(OrderEventQueues.CAUSE)) {
      return null;
    }
    return new OrderLanes.Redrive(message.getStringProperty(OrderEventQueues.BLOCKED_BY));
  }

  private static int deliveryCount(Message message) {
    try {
      return Math.max(1, message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException | NumberFormatException e) {
      return 1;
    }
  }

  /** The producer's request id when it sent an acceptable one, else the JMS message id. */
  private static String requestIdOf(Message message) {
    try {
      String given = message.getStringProperty(REQUEST_ID);
      if (RequestId.isAcceptable(given)) {
        return given;
      }
      String jmsId = message.getJMSMessageID();
      return RequestId.isAcceptable(jmsId) ? jmsId : RequestId.generate();
    } catch (JMSException e) {
      return RequestId.generate();
    }
  }
}
