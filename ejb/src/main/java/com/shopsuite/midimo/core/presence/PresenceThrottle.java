package com.shopsuite.midimo.core.presence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopsuite.midimo.core.connection.MidimoChatConfiguration;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers recent presence and typing updates, so that repeats within the throttle window are
 * coalesced instead of sent (the original guide: avoid calling update_presence and update_typing
 * too often). Bounded in size and age: memory stays flat however many users there are.
 */
@ApplicationScoped
public class PresenceThrottle {

  @Inject MidimoChatConfiguration configuration;

  private Cache<String, Presence> recentPresence;
  private Cache<TypingKey, Boolean> recentTyping;

  @PostConstruct
  void create() {
    recentPresence = newCache();
    recentTyping = newCache();
  }

  private <K, V> Cache<K, V> newCache() {
    return Caffeine.newBuilder()
        .maximumSize(configuration.throttleMaxEntries())
        .expireAfterWrite(configuration.throttleWindow())
        .executor(Runnable::run)
        .build();
  }

  /** The presence sent within the window, when the same status and text are asked for again. */
  public Optional<Presence> repeatOf(String userId, PresenceStatus status, String customStatus) {
    Presence recent = recentPresence.getIfPresent(userId);
    return recent != null
            && recent.status() == status
            && Objects.equals(recent.customStatus(), customStatus)
        ? Optional.of(recent)
        : Optional.empty();
  }

  public void presenceSent(Presence presence) {
    recentPresence.put(presence.userId(), presence);
  }

  /**
   * Claims the right to send "typing" for this thread and user: true for the first caller in the
   * window, false for every repeat. Atomic, so concurrent repeats send once.
   */
  public boolean claimTyping(String threadId, String userId) {
    return recentTyping.asMap().putIfAbsent(new TypingKey(threadId, userId), Boolean.TRUE) == null;
  }

  /** Forgets the claim: after a stop, or when sending the start failed. */
  public void releaseTyping(String threadId, String userId) {
    recentTyping.invalidate(new TypingKey(threadId, userId));
  }

  private record TypingKey(String threadId, String userId) {}
}
