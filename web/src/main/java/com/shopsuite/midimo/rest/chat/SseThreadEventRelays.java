package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ThreadEventService;
import com.shopsuite.midimo.context.RequestId;
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
 * (and with it its gRPC stream and heartbeat) instead of leaving them to a dead class loader.
 */
@ApplicationScoped
public class SseThreadEventRelays {

  @Inject ThreadEventService events;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "midimo.chat.sse.heartbeat")
  Duration heartbeat;

  private final Set<SseThreadEventRelay> open = ConcurrentHashMap.newKeySet();

  /** Relays the thread's events to the sink until either side goes away. */
  void open(String threadId, SseEventSink sink, Sse sse) {
    SseThreadEventRelay relay =
        new SseThreadEventRelay(threadId, RequestId.currentOrNew(), sink, sse, open::remove);
    open.add(relay);
    relay.start(events, scheduler, heartbeat);
  }

  @PreDestroy
  void closeAll() {
    for (SseThreadEventRelay relay : List.copyOf(open)) {
      relay.end("application stopping");
    }
  }
}
