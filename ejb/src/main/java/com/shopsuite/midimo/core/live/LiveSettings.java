package com.shopsuite.midimo.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live events' limits and timings (midimo.chat.live.*; defaults and reasons in the EJB's
 * microprofile-config.properties).
 */
@ApplicationScoped
public class LiveSettings {

  @Inject
  @ConfigProperty(name = "midimo.chat.live.streams-per-connection")
  int streamsPerConnection;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.max-upstream-streams")
  int maxUpstreamStreams;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.max-subscribers")
  int maxSubscribers;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.linger")
  Duration linger;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.reconnect.initial")
  Duration reconnectInitial;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.reconnect.max")
  Duration reconnectMax;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.history-pages")
  int historyPages;

  @Inject
  @ConfigProperty(name = "midimo.chat.live.subscribed-wait")
  Duration subscribedWait;

  public int streamsPerConnection() {
    return streamsPerConnection;
  }

  /**
   * Connections for streams: enough for the most upstream streams, at their per-connection most.
   */
  public int streamConnections() {
    return Math.max(1, (maxUpstreamStreams + streamsPerConnection - 1) / streamsPerConnection);
  }

  public int maxUpstreamStreams() {
    return maxUpstreamStreams;
  }

  public int maxSubscribers() {
    return maxSubscribers;
  }

  public Duration linger() {
    return linger;
  }

  /** Wait before the {@code failures}-th reopening in a row: doubling from the initial, capped. */
  public Duration reconnectDelay(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    Duration delay = reconnectInitial.multipliedBy(1L << Math.min(failures - 1, 20));
    return delay.compareTo(reconnectMax) > 0 ? reconnectMax : delay;
  }

  /**
   * How long a new stream's response headers (Midimo Chat's word that the subscription is in place)
   * are waited for before a history read goes ahead anyway.
   */
  public Duration subscribedWait() {
    return subscribedWait;
  }

  public int historyPages() {
    return historyPages;
  }
}
