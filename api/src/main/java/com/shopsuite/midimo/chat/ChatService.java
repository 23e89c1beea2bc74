package com.shopsuite.midimo.chat;

import java.util.List;
import java.util.Optional;

/**
 * Messaging with Midimo Chat: the original guide's {@code ChatService} wrapper, plus the reads and
 * writes the storefront API needs. Every write is idempotent: pass an idempotency key when the
 * caller has a natural one (an order event id, an HTTP {@code Idempotency-Key}); with {@code null}
 * a fresh key is generated, which still makes the integration's own retries safe.
 */
public interface ChatService {

  /**
   * The customer-support thread of an order, created when it does not exist yet. Idempotent per
   * customer and order: asking twice, even from two nodes at once, gives the same thread.
   *
   * @param productId optional: the product the customer asks about
   */
  SupportThread createSupportThread(String customerId, String orderId, String productId);

  /** The order's support thread, if one was created. */
  Optional<ChatThread> findSupportThread(String orderId);

  /** A thread, served from the thread-info cache while fresh. */
  ChatThread getThread(String threadId);

  /**
   * A page of messages, oldest first.
   *
   * @param limit 1 to 200
   * @param beforeId optional: only messages older than this one; null for the newest page
   */
  MessagePage getThreadMessages(String threadId, int limit, String beforeId);

  /**
   * Posts a message as {@code userId}, who must be a participant.
   *
   * @param idempotencyKey optional; the same key in the same thread never posts twice
   */
  ChatMessage sendMessage(
      String threadId,
      String userId,
      String content,
      List<String> attachmentIds,
      String idempotencyKey);

  /**
   * Posts an order update (as {@link #sendOrderUpdateMessage}) in the customer's support thread for
   * the order, created first when there is none (as {@link #createSupportThread}): what an order
   * event does in chat. This node remembers which thread that is, so an order's later updates cost
   * one call to Midimo Chat instead of two.
   *
   * @param productId optional, used only if the thread has to be created
   * @param idempotencyKey optional; the same key for the same order never posts twice
   */
  ChatMessage postOrderUpdate(
      String customerId,
      String orderId,
      String productId,
      String status,
      String message,
      String idempotencyKey);

  /**
   * Posts a recognisable order update (content plus {@code type=order_update}, {@code order_id},
   * {@code status} metadata) as the suite's system user.
   *
   * @param idempotencyKey optional; the same key in the same thread never posts twice
   */
  ChatMessage sendOrderUpdateMessage(
      String threadId, String orderId, String status, String message, String idempotencyKey);
}
