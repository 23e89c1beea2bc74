package com.shopsuite.midimo.chat;

import java.util.List;
import java.util.Map;

/**
 * Messaging with Midimo Chat: the original guide's {@code ChatService} wrapper, plus the reads and
 * writes the storefront API needs. Every write is idempotent: pass an idempotency key when the
 * caller has a natural one (an order event id, an HTTP {@code Idempotency-Key}); with {@code null}
 * a fresh key is generated, which still makes the integration's own retries safe.
 *
 * <p>A local view for the application, and a remote one for the rest of the suite (over HTTP
 * remoting, for callers in the {@code suite-service} role): everything it takes and gives is
 * serializable.
 */
public interface ChatService {

  /**
   * Creates a thread (the guide's {@code create_thread}); the creator is always a participant.
   *
   * @param participants the other participants; may be empty
   * @param metadata free-form pairs; may be empty
   * @param idempotencyKey optional; the same key again returns the first thread
   */
  ChatThread createThread(
      String userId,
      String title,
      List<String> participants,
      Map<String, String> metadata,
      String idempotencyKey);

  /**
   * The threads {@code userId} takes part in, most recent activity first, a page at a time.
   *
   * @param pageSize 1 to 200
   * @param pageToken the previous page's {@link ThreadPage#nextPageToken()}; null for the first
   */
  ThreadPage threadsOf(String userId, int pageSize, String pageToken);

  /**
   * Whether {@code userId} is a participant of the thread. Answered from this node's knowledge of
   * the thread's participants while fresh; a "no" is always checked with Midimo Chat first, so a
   * participant added elsewhere is never refused.
   *
   * @throws com.shopsuite.midimo.error.ResourceNotFoundException when there is no such thread
   */
  boolean isParticipant(String threadId, String userId);

  /**
   * The customer-support thread of an order, created when it does not exist yet. Idempotent per
   * customer and order: asking twice, even from two nodes at once, gives the same thread.
   *
   * @param productId optional: the product the customer asks about
   */
  SupportThread createSupportThread(String customerId, String orderId, String productId);

  /**
   * The order's support thread.
   *
   * @throws com.shopsuite.midimo.error.ResourceNotFoundException when none was created
   */
  ChatThread findSupportThread(String orderId);

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
