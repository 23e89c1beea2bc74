package com.shopsuite.midimo.core.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.core.connection.MidimoChatConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Thread info (title, participants, metadata) changes rarely, so reads are served from here while
 * fresh, as the original guide advises. Bounded in size and age; our own writes to a thread evict
 * it, so this node never serves its own stale update.
 *
 * <p>Also which thread is a customer's support thread for an order, for posting order updates: that
 * never changes once the thread exists (it is created under an idempotency key made of the two).
 * Kept apart from the thread info, with the same bounds, because posting to a thread does not
 * change which thread it is.
 */
@ApplicationScoped
public class ThreadInfoCache {

  @Inject MidimoChatConfiguration configuration;

  private Cache<String, ChatThread> threads;

  private Cache<SupportKey, String> supportThreadIds;

  private Cache<String, List<String>> participants;

  private record SupportKey(String customerId, String orderId) {}

  @PostConstruct
  void create() {
    threads =
        Caffeine.newBuilder()
            .maximumSize(configuration.threadCacheMaxSize())
            .expireAfterWrite(configuration.threadCacheTtl())
            // Maintenance on the calling thread: no pool threads of ours outlive the deployment.
            .executor(Runnable::run)
            .build();
    supportThreadIds =
        Caffeine.newBuilder()
            .maximumSize(configuration.threadCacheMaxSize())
            .expireAfterWrite(configuration.threadCacheTtl())
            .executor(Runnable::run)
            .build();
    participants =
        Caffeine.newBuilder()
            .maximumSize(configuration.threadCacheMaxSize())
            .expireAfterWrite(configuration.threadCacheTtl())
            .executor(Runnable::run)
            .build();
  }

  /** The id of the customer's support thread for the order, when this node knows it. */
  public Optional<String> supportThreadId(String customerId, String orderId) {
    return Optional.ofNullable(supportThreadIds.getIfPresent(new SupportKey(customerId, orderId)));
  }

  public void putSupportThread(String customerId, String orderId, ChatThread thread) {
    supportThreadIds.put(new SupportKey(customerId, orderId), thread.id());
  }

  /** Forgets it (Midimo Chat no longer has that thread). */
  public void forgetSupportThread(String customerId, String orderId) {
    supportThreadIds.invalidate(new SupportKey(customerId, orderId));
  }

  /** The cached thread, or the loaded one (then cached). Failures are not cached. */
  public ChatThread get(String threadId, Function<String, ChatThread> loader) {
    return threads.get(threadId, loader);
  }

  public void put(ChatThread thread) {
    threads.put(thread.id(), thread);
    participants.put(thread.id(), thread.participants());
  }

  public void evict(String threadId) {
    threads.invalidate(threadId);
  }

  /**
   * A thread's participants, for access checks: kept apart from the thread info because posting to
   * a thread (which evicts the info, whose updated_at it changes) does not change who takes part.
   */
  public List<String> participants(String threadId, Function<String, List<String>> loader) {
    return participants.get(threadId, loader);
  }

  public void putParticipants(String threadId, List<String> current) {
    participants.put(threadId, List.copyOf(current));
  }
}
