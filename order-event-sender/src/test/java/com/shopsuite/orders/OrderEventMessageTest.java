package com.shopsuite.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderEventMessageTest {

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void toJson_writesTheContractsSnakeCaseFields() {
    OrderEventMessage event =
        new OrderEventMessage(
            "evt-1",
            "order_456",
            "customer_123",
            "Delivered",
            "Your order was delivered \"successfully\"!",
            "product_789",
            Instant.parse("2026-11-23T10:00:00Z"));

    JsonObject json = parse(event.toJson());

    assertThat(json.getString("event_id")).isEqualTo("evt-1");
    assertThat(json.getString("order_id")).isEqualTo("order_456");
    assertThat(json.getString("customer_id")).isEqualTo("customer_123");
    assertThat(json.getString("status")).isEqualTo("Delivered");
    assertThat(json.getString("message")).isEqualTo("Your order was delivered \"successfully\"!");
    assertThat(json.getString("product_id")).isEqualTo("product_789");
    assertThat(json.getString("occurred_at")).isEqualTo("2026-11-23T10:00:00Z");
  }

  @Test
  void toJson_leavesOutTheOptionalFieldsWhenAbsent() {
    JsonObject json = parse(OrderEventMessage.of("o", "c", "Paid", null).toJson());

    assertThat(json).doesNotContainKeys("message", "product_id");
    assertThat(json.getString("event_id")).startsWith("evt-");
  }

  @Test
  void url_goesThroughTheHttpPortWithWildFlysQueuePrefix() {
    assertThat(OrderEventPublisher.url("shop.example", 8180))
        .isEqualTo(
            "tcp://shop.example:8180?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor"
                + "&enable1xPrefixes=true");
  }
}
