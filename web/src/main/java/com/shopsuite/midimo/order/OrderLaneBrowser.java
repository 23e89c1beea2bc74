package com.shopsuite.midimo.order;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the lanes' state from the broker by browsing, outside the consuming transaction: a browse
 * changes nothing, so it need not make the transaction two-phase. Consistent all the same: an
 * order's state is only ever changed by its own message group, one event at a time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderLaneBrowser {

  @Inject JMSContext jms;

  @Resource(lookup = OrderEventQueues.PARKED)
  Queue parked;

  @Resource(lookup = OrderEventQueues.DEAD_LETTERS)
  Queue deadLetters;

  public List<ParkedEvent> parked(String orderId, int max) {
    String selector = OrderEventQueues.ORDER_ID + " = " + OrderEventQueues.literal(orderId);
    List<ParkedEvent> found = new ArrayList<>();
    try (QueueBrowser browser = jms.createBrowser(parked, selector)) {
      Enumeration<?> messages = browser.getEnumeration();
      while (messages.hasMoreElements() && found.size() < max) {
        Message message = (Message) messages.nextElement();
        found.add(
            new ParkedEvent(
                message.getStringProperty(OrderEventQueues.PARKED_ID),
                message.getStringProperty(OrderEventQueues.EVENT_ID),
                message));
      }
      return found;
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the parked events of an order", e);
    }
  }

  /** The first dead-lettered event of the order that blocks it (not a malformed one). */
  public Optional<String> firstBlocking(String orderId) {
    return first(
        OrderEventQueues.ORDER_ID
            + " = "
            + OrderEventQueues.literal(orderId)
            + " AND "
            + OrderEventQueues.CAUSE
            + " <> "
            + OrderEventQueues.literal(DeadLetterCause.MALFORMED.label()));
  }

  public boolean isDeadLettered(String orderId, String eventId) {
    String id = OrderEventQueues.literal(eventId);
    return first(
            OrderEventQueues.ORDER_ID
                + " = "
                + OrderEventQueues.literal(orderId)
                + " AND ("
                + OrderEventQueues.EVENT_ID
                + " = "
                + id
                + " OR "
                + OrderEventQueues.ORIGINAL_MESSAGE_ID
                + " = "
                + id
                + ")")
        .isPresent();
  }

  private Optional<String> first(String selector) {
    try (QueueBrowser browser = jms.createBrowser(deadLetters, selector)) {
      Enumeration<?> messages = browser.getEnumeration();
      if (!messages.hasMoreElements()) {
        return Optional.empty();
      }
      Message message = (Message) messages.nextElement();
      String eventId = message.getStringProperty(OrderEventQueues.EVENT_ID);
      return Optional.of(
          eventId != null
              ? eventId
              : message.getStringProperty(OrderEventQueues.ORIGINAL_MESSAGE_ID));
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the dead-lettered events of an order", e);
    }
  }
}
