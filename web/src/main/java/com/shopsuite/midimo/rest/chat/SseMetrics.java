package com.shopsuite.midimo.rest.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.IntSupplier;

/**
 * The event streams to browsers, in WildFly's Micrometer registry: {@code
 * midimo_live_buffered_events} (events waiting in the streams' buffers now) and {@code
 * midimo_live_slow_readers_total} (streams disconnected because their browser fell behind).
 */
@ApplicationScoped
public class SseMetrics {

  private static final String BUFFERED_EVENTS = "midimo.live.buffered.events";

  @Inject MeterRegistry registry;

  private Counter slowReaders;
  // The registry holds a gauge's object weakly: this holds it for the deployment's life.
  private IntSupplier buffered;

  @PostConstruct
  void register() {
    slowReaders = registry.counter("midimo.live.slow.readers");
  }

  /**
   * Registered with {@code registry.gauge}, which WildFly's per-deployment registry forwards
   * (tagged with the deployment). That registry keeps a gauge of the same name across a redeploy,
   * still reading the old deployment's state, and would not take the new one: so a stale one is
   * removed first, and ours at undeploy.
   */
  void bufferedEvents(IntSupplier events) {
    buffered = events;
    unregister();
    registry.gauge(BUFFERED_EVENTS, Tags.empty(), events, IntSupplier::getAsInt);
  }

  @PreDestroy
  void unregister() {
    Gauge gauge = registry.find(BUFFERED_EVENTS).gauge();
    if (gauge != null) {
      registry.remove(gauge);
    }
  }

  void slowReader() {
    slowReaders.increment();
  }
}
