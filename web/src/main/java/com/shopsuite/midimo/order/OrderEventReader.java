package com.shopsuite.midimo.order;

import com.shopsuite.midimo.rest.error.FieldNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a JMS message into a valid {@link OrderEvent}, or says exactly why it cannot be one. */
@ApplicationScoped
public class OrderEventReader {

  /** snake_case, as the order system writes it; unknown fields are ignored (newer producers). */
  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

  @Inject Validator validator;

  /**
   * @throws InvalidOrderEventException naming what is wrong: not a text message, not JSON, or the
   *     fields that break the rules; with the order id when the event names a usable one
   */
  public OrderEvent read(Message message) {
    if (!(message instanceof TextMessage text)) {
      throw new InvalidOrderEventException(
          "not a text message: order events are JSON in a TextMessage", null);
    }
    String body;
    try {
      body = text.getText();
    } catch (JMSException e) {
      throw new InvalidOrderEventException("unreadable message body", null, e);
    }
    if (body == null || body.isBlank()) {
      throw new InvalidOrderEventException("empty message body: expected a JSON order event", null);
    }
    OrderEvent event;
    try {
      event = jsonb.fromJson(body, OrderEvent.class);
    } catch (JsonbException e) {
      throw new InvalidOrderEventException("not a JSON order event: " + rootMessage(e), null, e);
    }
    if (event == null) {
      throw new InvalidOrderEventException("not a JSON order event: null", null);
    }
    Set<ConstraintViolation<OrderEvent>> violations = validator.validate(event);
    if (!violations.isEmpty()) {
      throw new InvalidOrderEventException(describe(violations), usableOrderId(event));
    }
    return event;
  }

  /** The event's order id when it is one the lanes can key on, else null. */
  private static String usableOrderId(OrderEvent event) {
    String orderId = event.orderId();
    return orderId == null || orderId.isBlank() || orderId.length() > 128 ? null : orderId;
  }

  /** e.g. {@code customer_id: must not be blank; status: size must be between 0 and 64}. */
  private static String describe(Set<ConstraintViolation<OrderEvent>> violations) {
    return violations.stream()
        .map(v -> FieldNames.snakeCase(v.getPropertyPath().toString()) + ": " + v.getMessage())
        .sorted(Comparator.naturalOrder())
        .collect(Collectors.joining("; "));
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }
}
