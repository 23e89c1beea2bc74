package com.shopsuite.midimo.core.chat;

import java.util.Map;

/** How an order update reads in a thread: readable text plus metadata a client can act on. */
final class OrderUpdates {

  static final String TYPE = "order_update";

  private OrderUpdates() {}

  /** e.g. "Order order_456: Delivered. Your order was delivered successfully!" */
  static String content(String orderId, String status, String message) {
    String text = "Order " + orderId + ": " + status + ".";
    return message == null || message.isBlank() ? text : text + " " + message;
  }

  static Map<String, String> metadata(String orderId, String status) {
    return Map.of("type", TYPE, "order_id", orderId, "status", status);
  }
}
