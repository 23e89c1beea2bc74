package com.shopsuite.midimo.core.metrics;

import com.shopsuite.midimo.client.CallObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Metrics for every call to Midimo Chat, in WildFly's Micrometer registry (served at {@code
 * :9990/metrics}): one timer per rpc and status, so count, latency and errors per rpc are all
 * {@code midimo_chat_client_calls_seconds{rpc, status}}.
 */
@ApplicationScoped
public class MicrometerCallObserver implements CallObserver {

  static final String METER = "midimo.chat.client.calls";

  @Inject MeterRegistry registry;

  /** Timers by "rpc status": looked up on every call, so cached rather than re-registered. */
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

  @Override
  public void onCallCompleted(String rpc, String status, long durationNanos) {
    timers
        .computeIfAbsent(rpc + ' ' + status, key -> register(rpc, status))
        .record(durationNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Through {@code timer(name, tags)}, the path WildFly's per-deployment registry supports (it adds
   * the deployment tag and publishes to the server's registries); the builder path would reach for
   * {@code MeterRegistry.config()}, which that registry refuses with a warning.
   */
  private Timer register(String rpc, String status) {
    return registry.timer(
        METER,
        Tags.of(
            "rpc", rpc, "status", status, "outcome", "OK".equals(status) ? "success" : "error"));
  }
}
