package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ThreadEventService;
import com.shopsuite.midimo.context.RequestId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open event streams of this node. Keeps track of them so that an undeploy closes every one
 * (and with it its subscription and timers) instead of leaving them to a dead class loader, and so
 * that the events waiting in their buffers can be counted (midimo_live_buffered_events).
 */
@ApplicationScoped
public class SseThreadEventRelays {

  @Inject ThreadEventService events;

  @Inject SseMetrics metrics;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "midimo.chat.sse.heartbeat")
  Duration heartbeat;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.client-retry")
  Duration clientRetry;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.subscriber-buffer")
  int buffer;

  @Inject
  @ConfigProperty(name = "midimo.chat.stream-max-duration")
  Duration maxDuration;

  private final Set<SseThreadEventRelay> open = ConcurrentHashMap.newKeySet();
  private SseThreadEventRelay.Settings settings;

  @PostConstruct
  void start() {
    settings = new SseThreadEventRelay.Settings(clientRetry, heartbeat, buffer, maxDuration);
    metrics.bufferedEvents(() -> open.stream().mapToInt(SseThreadEventRelay::buffered).sum());
  }

  /**
   * Relays the thread's events to the sink until either side goes away.
   *
   * @param lastEventId the browser's Last-Event-ID header, or null
   * @param abort drops the browser's connection at once (see {@link BrowserConnections})
   * @throws com.shopsuite.midimo.error.ServiceUnavailableException before anything is written, when
   *     the node is at a cap
   */
  void open(String threadId, String lastEventId, SseEventSink sink, Sse sse, Runnable abort) {
    SseThreadEventRelay relay =
        new SseThreadEventRelay(
            threadId,
            RequestId.currentOrNew(),
            sink,
            sse,
            settings,
            open::remove,
            metrics::slowReader,
            abort);
    open.add(relay);
    try {
      relay.start(events, lastEventId, scheduler);
    } catch (RuntimeException e) {
      open.remove(relay);
      throw e;
    }
  }

  @PreDestroy
  void closeAll() {
    for (SseThreadEventRelay relay : List.copyOf(open)) {
      relay.end("application stopping");
    }
  }
}
