package com.shopsuite.midimo.order;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Set;

/**
 * A copy of a message as it arrived, to park it or dead-letter it: the same body type and body
 * (text, bytes of any length, map, stream), its properties and headers, so that it can be moved
 * back onto {@code OrderEvents} intact. The provider's own {@code JMSX} properties are not copied,
 * but for the message group. An object message's body is not deserialized here, on purpose (the
 * order system never sends one): its copy is empty, and says so.
 */
final class JmsCopies {

  /** On a copy of an object message: its body was left out. */
  static final String BODY_NOT_COPIED = "bodyNotCopied";

  private JmsCopies() {}

  /**
   * @param skipped properties of the original not to copy
   */
  static Message copy(JMSContext jms, Message original, Set<String> skipped) throws JMSException {
    Message copy = body(jms, original);
    for (Object name : Collections.list(original.getPropertyNames())) {
      String property = (String) name;
      if (skipped.contains(property)) {
        continue;
      }
      if (!property.startsWith("JMSX")
          || property.equals("JMSXGroupID")
          || property.equals("JMSXGroupSeq")) {
        copy.setObjectProperty(property, original.getObjectProperty(property));
      }
    }
    copy.setJMSCorrelationID(original.getJMSCorrelationID());
    copy.setJMSType(original.getJMSType());
    copy.setJMSReplyTo(original.getJMSReplyTo());
    if (!copy.propertyExists(OrderEventQueues.ORIGINAL_MESSAGE_ID)) {
      copy.setStringProperty(OrderEventQueues.ORIGINAL_MESSAGE_ID, original.getJMSMessageID());
    }
    return copy;
  }

  private static Message body(JMSContext jms, Message original) throws JMSException {
    if (original instanceof TextMessage text) {
      return jms.createTextMessage(text.getText());
    }
    if (original instanceof BytesMessage bytes) {
      bytes.reset();
      byte[] body = new byte[Math.toIntExact(bytes.getBodyLength())];
      bytes.readBytes(body);
      BytesMessage copy = jms.createBytesMessage();
      copy.writeBytes(body);
      return copy;
    }
    if (original instanceof MapMessage map) {
      MapMessage copy = jms.createMapMessage();
      for (Object name : Collections.list(map.getMapNames())) {
        copy.setObject((String) name, map.getObject((String) name));
      }
      return copy;
    }
    if (original instanceof StreamMessage stream) {
      stream.reset();
      StreamMessage copy = jms.createStreamMessage();
      try {
        while (true) {
          copy.writeObject(stream.readObject());
        }
      } catch (jakarta.jms.MessageEOFException end) {
        return copy;
      }
    }
    Message copy = jms.createMessage();
    if (original instanceof ObjectMessage) {
      copy.setBooleanProperty(BODY_NOT_COPIED, true);
    }
    return copy;
  }
}
