package com.shopsuite.midimo.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the integration's channels are open. Deliberately independent of Midimo Chat: an
 * outage over there must make this node unready, never get it restarted.
 */
@Liveness
@ApplicationScoped
public class MidimoChatLivenessCheck implements HealthCheck {

  static final String NAME = "midimo-chat-channels";

  @Inject MidimoChatProbe probe;

  @Override
  public HealthCheckResponse call() {
    return new HealthCheckResponse(
        NAME, probe.channelsOpen() ? Status.UP : Status.DOWN, Optional.empty());
  }
}
