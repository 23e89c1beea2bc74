package com.shopsuite.midimo.order;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.Collections;
import java.util.logging.Logger;

/**
 * Moves an order event to the dead-letter queue, with the reason. The send joins the consuming
 * transaction (the injected JMSContext is the container's, on the XA connection factory), so the
 * event leaves {@code OrderEvents} and arrives in {@code OrderEventsDLQ} together, or not at all:
 * nothing is lost and nothing is doubled even if the server dies in between.
 */
@ApplicationScoped
public class OrderEventDeadLetters {

  /** Why the event was dead-lettered, in words. */
  public static final String REASON = "deadLetterReason";

  /** The original message's JMSMessageID. */
  public static final String ORIGINAL_MESSAGE_ID = "originalMessageId";

  /** The original message's delivery count when it was given up. */
  public static final String DELIVERIES = "deliveryCount";

  /** When it was dead-lettered, ISO-8601. */
  public static final String DEAD_LETTERED_AT = "deadLetteredAt";

  private static final Logger LOG = Logger.getLogger(OrderEventDeadLetters.class.getName());

  @Inject JMSContext jms;

  @Resource(lookup = "java:/jms/queue/OrderEventsDLQ")
  Queue deadLetterQueue;

  public void send(Message original, int delivery, String reason) {
    try {
      TextMessage copy = jms.createTextMessage(bodyOf(original));
      for (Object name : Collections.list(original.getPropertyNames())) {
        String property = (String) name;
        // JMSX properties are the provider's to set (JMSXGroupID excepted: keep the grouping).
        if (!property.startsWith("JMSX") || property.equals("JMSXGroupID")) {
          copy.setObjectProperty(property, original.getObjectProperty(property));
        }
      }
      copy.setStringProperty(REASON, reason);
      copy.setStringProperty(ORIGINAL_MESSAGE_ID, original.getJMSMessageID());
      copy.setIntProperty(DELIVERIES, delivery);
      copy.setStringProperty(DEAD_LETTERED_AT, Instant.now().toString());
      jms.createProducer().send(deadLetterQueue, copy);
      LOG.warning(
          () ->
              "order event "
                  + messageId(original)
                  + " moved to OrderEventsDLQ after "
                  + delivery
                  + " deliveries: "
                  + reason);
    } catch (JMSException e) {
      // Rolls the consumption back with it: the event stays on OrderEvents.
      throw new IllegalStateException("cannot dead-letter an order event", e);
    }
  }

  /** The body as text: a text message's text, a bytes message's bytes as UTF-8, else empty. */
  private static String bodyOf(Message message) throws JMSException {
    if (message instanceof TextMessage text) {
      return text.getText();
    }
    if (message instanceof BytesMessage bytes) {
      byte[] body = new byte[(int) Math.min(bytes.getBodyLength(), 1 << 20)];
      bytes.readBytes(body);
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
    return "";
  }

  private static String messageId(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "(unknown id)";
    }
  }
}
