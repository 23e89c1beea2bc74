package com.shopsuite.midimo.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * What the order lanes did, in WildFly's Micrometer registry ({@code :9990/metrics}): {@code
 * midimo_order_events_total{outcome}} counts events by outcome (applied; held, parked behind their
 * order's retrying head; retried, an attempt that failed and will be tried again; dead_lettered),
 * {@code midimo_order_events_dead_lettered_total{cause}} says why events were dead-lettered, and
 * {@code midimo_order_event_apply_seconds} times the applied ones.
 */
@ApplicationScoped
public class OrderEventMetrics {

  static final String EVENTS = "midimo.order.events";
  static final String DEAD_LETTERED = "midimo.order.events.dead.lettered";
  static final String APPLY = "midimo.order.event.apply";

  @Inject MeterRegistry registry;

  private Counter applied;
  private Counter held;
  private Counter retried;
  private Timer applyTime;

  @PostConstruct
  void register() {
    applied = registry.counter(EVENTS, Tags.of("outcome", "applied"));
    held = registry.counter(EVENTS, Tags.of("outcome", "held"));
    retried = registry.counter(EVENTS, Tags.of("outcome", "retried"));
    applyTime = registry.timer(APPLY, Tags.empty());
  }

  void applied(long nanos) {
    applied.increment();
    applyTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  void held() {
    held.increment();
  }

  void retried() {
    retried.increment();
  }

  void deadLettered(DeadLetterCause cause) {
    registry.counter(EVENTS, Tags.of("outcome", "dead_lettered")).increment();
    registry.counter(DEAD_LETTERED, Tags.of("cause", cause.label())).increment();
  }
}
