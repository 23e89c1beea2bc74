package com.shopsuite.midimo.order;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Text messages as the broker hands them to the consumer: a body, properties, a message id. */
final class FakeMessages {

  private static final AtomicLong IDS = new AtomicLong();

  private FakeMessages() {}

  /** An order event of {@code order}, in the order's message group. */
  static TextMessage event(String eventId, String order) {
    return text(
        """
        {"event_id":"%s","order_id":"%s","customer_id":"customer_1","status":"Shipped",
         "occurred_at":"2026-11-23T10:00:00Z"}"""
            .formatted(eventId, order),
        Map.of("JMSXGroupID", order));
  }

  static TextMessage text(String body, Map<String, Object> properties) {
    String id = "ID:" + IDS.incrementAndGet();
    Map<String, Object> props = new HashMap<>(properties);
    return (TextMessage)
        Proxy.newProxyInstance(
            FakeMessages.class.getClassLoader(),
            new Class<?>[] {TextMessage.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getText" -> body;
                  case "getJMSMessageID" -> id;
                  case "getStringProperty", "getObjectProperty" -> props.get((String) args[0]);
                  case "propertyExists" -> props.containsKey((String) args[0]);
                  case "getPropertyNames" -> Collections.enumeration(props.keySet());
                  case "toString" -> "message " + id + " " + body;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  static String body(Message message) {
    try {
      return ((TextMessage) message).getText();
    } catch (jakarta.jms.JMSException e) {
      throw new IllegalStateException(e);
    }
  }
}
