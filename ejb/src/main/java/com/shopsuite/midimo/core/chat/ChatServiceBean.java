package com.shopsuite.midimo.core.chat;

import static com.shopsuite.midimo.client.Arguments.requireId;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.MessagePage;
import com.shopsuite.midimo.chat.SupportThread;
import com.shopsuite.midimo.chat.ThreadPage;
import com.shopsuite.midimo.client.IdempotencyKeys;
import com.shopsuite.midimo.client.MidimoChatClient;
import com.shopsuite.midimo.core.connection.MidimoChatChannels;
import com.shopsuite.midimo.core.connection.MidimoChatConfiguration;
import com.shopsuite.midimo.core.resilience.FaultToleranceTranslator;
import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messaging with Midimo Chat. Calls to Midimo Chat are not transactional, so they run outside any
 * JTA transaction: a failed or retried call can never mark a caller's transaction rollback-only.
 */
@Stateless
@Local(ChatService.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatServiceBean implements ChatService {

  @EJB MidimoChatChannels channels;

  @Inject FaultToleranceTranslator guarded;

  @Inject ThreadInfoCache cache;

  @Inject MidimoChatConfiguration configuration;

  @Inject AgentRoster roster;

  @Inject MessageNotifications notifications;

  private MidimoChatClient client;

  @PostConstruct
  void borrowClient() {
    client = channels.client();
  }

  @Override
  public SupportThread createSupportThread(String customerId, String orderId, String productId) {
    requireId("customerId", customerId);
    requireId("orderId", orderId);
    String product = productId == null || productId.isBlank() ? null : productId;
    Optional<ChatThread> existing = findSupportThread(orderId, customerId);
    if (existing.isPresent()) {
      cache.putSupportThread(customerId, orderId, existing.get());
      return new SupportThread(existing.get(), false);
    }
    // When two requests race (or one is retried) and choose different agents, the idempotency key
    // makes the second a conflict, resolved below: the first thread, with its agent, stands.
    String agent = roster.choose().orElse(null);
    List<String> participants =
        agent == null
            ? List.of(configuration.systemUserId())
            : List.of(configuration.systemUserId(), agent);
    try {
      ChatThread thread =
          guarded.call(
              () ->
                  client.createThread(
                      customerId,
                      SupportThreads.title(orderId, product),
                      participants,
                      SupportThreads.metadata(customerId, orderId, product, agent),
                      SupportThreads.idempotencyKey(customerId, orderId)));
      cache.put(thread);
      cache.putSupportThread(customerId, orderId, thread);
      return new SupportThread(thread, true);
    } catch (ConflictException e) {
      ChatThread winner = winnerOfTheRace(orderId, customerId).orElseThrow(() -> e);
      cache.putSupportThread(customerId, orderId, winner);
      return new SupportThread(winner, false);
    }
  }

  /**
   * Another request for the same customer and order (about another product) created the thread
   * first, so ours was refused as a conflict: the winner's thread is the order's support thread. A
   * search may show a new thread a moment after its creation was answered, so it is read up to five
   * times, 25 ms apart doubling (375 ms at most), before the conflict is given up on.
   */
  private Optional<ChatThread> winnerOfTheRace(String orderId, String customerId) {
    long pauseMillis = 25;
    for (int read = 1; ; read++) {
      Optional<ChatThread> winner = findSupportThread(orderId, customerId);
      if (winner.isPresent() || read == 5) {
        return winner;
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return winner;
      }
      pauseMillis *= 2;
    }
  }

  @Override
  public ChatThread createThread(
      String userId,
      String title,
      List<String> participants,
      Map<String, String> metadata,
      String idempotencyKey) {
    String key = IdempotencyKeys.orNew(idempotencyKey);
    ChatThread thread =
        guarded.call(() -> client.createThread(userId, title, participants, metadata, key));
    cache.put(thread);
    return thread;
  }

  @Override
  public ThreadPage threadsOf(String userId, int pageSize, String pageToken) {
    return guarded.call(() -> client.threadsOf(userId, pageSize, pageToken));
  }

  @Override
  public boolean isParticipant(String threadId, String userId) {
    requireId("threadId", threadId);
    requireId("userId", userId);
    if (cache.participants(threadId, this::loadParticipants).contains(userId)) {
      return true;
    }
    // Participants are only ever added: a "no" may be stale (added on another node), a "yes" not.
    List<String> fresh = loadParticipants(threadId);
    cache.putParticipants(threadId, fresh);
    return fresh.contains(userId);
  }

  private List<String> loadParticipants(String threadId) {
    return guarded.call(() -> client.getThread(threadId)).participants();
  }

  @Override
  public ChatThread findSupportThread(String orderId) {
    requireId("orderId", orderId);
    return guarded
        .call(() -> client.findThreads(SupportThreads.query(orderId), null, 1, null))
        .threads()
        .stream()
        .findFirst()
        .orElseThrow(
            () ->
                new ResourceNotFoundException("order " + orderId + " has no support thread", null));
  }

  private Optional<ChatThread> findSupportThread(String orderId, String customerId) {
    return guarded
        .call(() -> client.findThreads(SupportThreads.query(orderId), customerId, 1, null))
        .threads()
        .stream()
        .filter(thread -> SupportThreads.belongsTo(thread, customerId))
        .findFirst();
  }

  @Override
  public ChatThread getThread(String threadId) {
    requireId("threadId", threadId);
    return cache.get(threadId, id -> guarded.call(() -> client.getThread(id)));
  }

  @Override
  public MessagePage getThreadMessages(String threadId, int limit, String beforeId) {
    return guarded.call(() -> client.getThreadMessages(threadId, limit, beforeId));
  }

  @Override
  public ChatMessage sendMessage(
      String threadId,
      String userId,
      String content,
      List<String> attachmentIds,
      String idempotencyKey) {
    String key = IdempotencyKeys.orNew(idempotencyKey);
    ChatMessage message =
        guarded.call(
            () -> client.sendMessage(threadId, userId, content, attachmentIds, Map.of(), key));
    cache.evict(threadId);
    notifications.tellTheOthers(
        message, cache.participants(threadId, this::loadParticipants), client);
    return message;
  }

  @Override
  public ChatMessage postOrderUpdate(
      String customerId,
      String orderId,
      String productId,
      String status,
      String message,
      String idempotencyKey) {
    requireId("customerId", customerId);
    requireId("orderId", orderId);
    Optional<String> known = cache.supportThreadId(customerId, orderId);
    if (known.isPresent()) {
      try {
        return sendOrderUpdateMessage(known.get(), orderId, status, message, idempotencyKey);
      } catch (ResourceNotFoundException gone) {
        // Midimo Chat no longer has it: find or create the order's thread as the first time.
        cache.forgetSupportThread(customerId, orderId);
      }
    }
    String threadId = createSupportThread(customerId, orderId, productId).thread().id();
    return sendOrderUpdateMessage(threadId, orderId, status, message, idempotencyKey);
  }

  @Override
  public ChatMessage sendOrderUpdateMessage(
      String threadId, String orderId, String status, String message, String idempotencyKey) {
    requireId("orderId", orderId);
    requireId("status", status);
    String key = IdempotencyKeys.orNew(idempotencyKey);
    ChatMessage posted =
        guarded.call(
            () ->
                client.sendMessage(
                    threadId,
                    configuration.systemUserId(),
                    OrderUpdates.content(orderId, status, message),
                    List.of(),
                    OrderUpdates.metadata(orderId, status),
                    key));
    cache.evict(threadId);
    return posted;
  }
}
