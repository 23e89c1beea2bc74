package com.shopsuite.midimo.core.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.core.connection.MidimoChatConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * Thread info (title, participants, metadata) changes rarely, so reads are served from here while
 * fresh, as the original guide advises. Bounded in size and age; our own writes to a thread evict
 * it, so this node never serves its own stale update.
 */
@ApplicationScoped
public class ThreadInfoCache {

  @Inject MidimoChatConfiguration configuration;

  private Cache<String, ChatThread> threads;

  @PostConstruct
  void create() {
    threads =
        Caffeine.newBuilder()
            .maximumSize(configuration.threadCacheMaxSize())
            .expireAfterWrite(configuration.threadCacheTtl())
            // Maintenance on the calling thread: no pool threads of ours outlive the deployment.
            .executor(Runnable::run)
            .build();
  }

  /** The cached thread, or the loaded one (then cached). Failures are not cached. */
  public ChatThread get(String threadId, Function<String, ChatThread> loader) {
    return threads.get(threadId, loader);
  }

  public void put(ChatThread thread) {
    threads.put(thread.id(), thread);
  }

  public void evict(String threadId) {
    threads.invalidate(threadId);
  }
}
