package com.shopsuite.orders;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order event as the order system publishes it, and its JSON form:
 *
 * <pre>{@code
 * {"event_id":"...","order_id":"...","customer_id":"...","status":"...",
 *  "message":"...","product_id":"...","occurred_at":"2026-11-23T10:00:00Z"}
 * }</pre>
 *
 * @param message optional
 * @param productId optional
 */
public record OrderEventMessage(
    String eventId,
    String orderId,
    String customerId,
    String status,
    String message,
    String productId,
    Instant occurredAt) {

  public OrderEventMessage {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** A new event with a random id, happening now. */
  public static OrderEventMessage of(
      String orderId, String customerId, String status, String message) {
    return new OrderEventMessage(
        "evt-" + UUID.randomUUID(), orderId, customerId, status, message, null, Instant.now());
  }

  public OrderEventMessage withProduct(String product) {
    return new OrderEventMessage(
        eventId, orderId, customerId, status, message, product, occurredAt);
  }

  public String toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("event_id", eventId)
            .add("order_id", orderId)
            .add("customer_id", customerId)
            .add("status", status)
            .add("occurred_at", occurredAt.toString());
    if (message != null) {
      json.add("message", message);
    }
    if (productId != null) {
      json.add("product_id", productId);
    }
    return json.build().toString();
  }
}
