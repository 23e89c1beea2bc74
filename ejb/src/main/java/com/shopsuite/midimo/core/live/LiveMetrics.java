package com.shopsuite.midimo.core.live;

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
 * The live events in WildFly's Micrometer registry ({@code :9990/metrics}): {@code
 * midimo_live_upstream_streams} and {@code midimo_live_subscribers} (open now, this node), and
 * counters of resumes ({@code midimo_live_resumes_total}), gap fills after an upstream break
 * ({@code midimo_live_gap_fills_total}, and the messages they replayed, {@code
 * midimo_live_gap_fill_messages_total}), upstream breaks ({@code
 * midimo_live_upstream_breaks_total}) and subscriptions refused at a cap ({@code
 * midimo_live_refused_total{cap}}). The storefront API's own (slow readers, buffered events) are in
 * its SseMetrics.
 */
@ApplicationScoped
public class LiveMetrics {

  private static final String UPSTREAM_STREAMS = "midimo.live.upstream.streams";
  private static final String SUBSCRIBERS = "midimo.live.subscribers";

  @Inject MeterRegistry registry;

  private Counter resumes;
  private Counter gapFills;
  private Counter replayed;
  private Counter upstreamBreaks;
  // The registry holds a gauge's object weakly: these hold them for the deployment's life.
  private IntSupplier upstreamStreams;
  private IntSupplier subscribers;

  @PostConstruct
  void register() {
    resumes = registry.counter("midimo.live.resumes");
    gapFills = registry.counter("midimo.live.gap.fills");
    replayed = registry.counter("midimo.live.gap.fill.messages");
    upstreamBreaks = registry.counter("midimo.live.upstream.breaks");
  }

  /**
   * Gauges read from the live state itself. Registered with {@code registry.gauge}, which WildFly's
   * per-deployment registry forwards (tagged with the deployment). That registry keeps a gauge of
   * the same name across a redeploy, still reading the old deployment's state, and would not take
   * the new one: so a stale one is removed first, and ours at undeploy.
   */
  void gauges(IntSupplier upstreamStreams, IntSupplier subscribers) {
    this.upstreamStreams = upstreamStreams;
    this.subscribers = subscribers;
    replaceGauge(UPSTREAM_STREAMS, upstreamStreams);
    replaceGauge(SUBSCRIBERS, subscribers);
  }

  private void replaceGauge(String name, IntSupplier value) {
    removeGauge(name);
    registry.gauge(name, Tags.empty(), value, IntSupplier::getAsInt);
  }

  @PreDestroy
  void unregister() {
    removeGauge(UPSTREAM_STREAMS);
    removeGauge(SUBSCRIBERS);
  }

  private void removeGauge(String name) {
    Gauge gauge = registry.find(name).gauge();
    if (gauge != null) {
      registry.remove(gauge);
    }
  }

  void resumed() {
    resumes.increment();
  }

  void gapFilled(int messages) {
    gapFills.increment();
    replayed.increment(messages);
  }

  void upstreamBroke() {
    upstreamBreaks.increment();
  }

  void refused(String cap) {
    registry.counter("midimo.live.refused", Tags.of("cap", cap)).increment();
  }
}
