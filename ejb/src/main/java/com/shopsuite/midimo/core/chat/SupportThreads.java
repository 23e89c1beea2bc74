package com.shopsuite.midimo.core.chat;

import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.SupportDesk;
import com.shopsuite.midimo.client.Arguments;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** What makes a thread the support thread of an order: its title, metadata and idempotency key. */
final class SupportThreads {

  static final String SOURCE = "e_commerce";
  static final String TYPE = "support";

  private SupportThreads() {}

  /**
   * "Order o1 support", or "Order o1 support: product p1". Within Midimo Chat's title limit for
   * every pair of valid ids (up to 128 characters each): when both together do not fit, each is
   * shortened to its half of the room, marked with an ellipsis. The metadata keeps them whole.
   */
  static String title(String orderId, String productId) {
    if (productId == null) {
      return "Order " + orderId + " support";
    }
    int room = Arguments.MAX_TITLE_LENGTH - "Order  support: product ".length();
    if (orderId.length() + productId.length() <= room) {
      return "Order " + orderId + " support: product " + productId;
    }
    int orderRoom = Math.max(room / 2, room - productId.length());
    int productRoom = room - Math.min(orderRoom, orderId.length());
    return "Order "
        + shortened(orderId, orderRoom)
        + " support: product "
        + shortened(productId, productRoom);
  }

  private static String shortened(String id, int room) {
    return id.length() <= room ? id : id.substring(0, room - 1) + "\u2026";
  }

  /**
   * The metadata the original guide shows ({@code source}, {@code order_id}), plus ours: the
   * customer, the product, and where the thread stands at the {@link SupportDesk}.
   *
   * @param agentId the agent it goes to; null when it waits for one
   */
  static Map<String, String> metadata(
      String customerId, String orderId, String productId, String agentId) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("source", SOURCE);
    metadata.put("type", TYPE);
    metadata.put("order_id", orderId);
    metadata.put("customer_id", customerId);
    if (productId != null) {
      metadata.put("product_id", productId);
    }
    if (agentId == null) {
      metadata.put(SupportDesk.ASSIGNMENT, SupportDesk.WAITING);
    } else {
      metadata.put(SupportDesk.ASSIGNMENT, SupportDesk.ASSIGNED);
      metadata.put(SupportDesk.ASSIGNED_AGENT, agentId);
    }
    return metadata;
  }

  /** The support threads waiting for an agent. */
  static Map<String, String> waitingQuery() {
    return Map.of("type", TYPE, SupportDesk.ASSIGNMENT, SupportDesk.WAITING);
  }

  /** How to find an order's support thread again. */
  static Map<String, String> query(String orderId) {
    return Map.of("type", TYPE, "order_id", orderId);
  }

  static boolean belongsTo(ChatThread thread, String customerId) {
    return thread.participants().contains(customerId);
  }

  /**
   * The same for every request about one customer and order, on every node: Midimo Chat then
   * creates the thread once however many ask at the same time. Hashed, so any ids fit in the key's
   * 128 characters and none leaks into logs.
   */
  static String idempotencyKey(String customerId, String orderId) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(customerId.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(orderId.getBytes(StandardCharsets.UTF_8));
      return "support-thread-"
          + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
