package com.shopsuite.midimo.health;

import com.shopsuite.midimo.client.ServiceHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Midimo Chat answers its standard gRPC health check with SERVING: a node that
 * cannot reach the chat service should not be sent storefront traffic that needs it. The
 * application still deploys and stays alive during an outage; only readiness goes DOWN.
 */
@Readiness
@ApplicationScoped
public class MidimoChatReadinessCheck implements HealthCheck {

  static final String NAME = "midimo-chat";

  @Inject MidimoChatProbe probe;

  @Override
  public HealthCheckResponse call() {
    ServiceHealth health = probe.health();
    return new HealthCheckResponse(
        NAME,
        health.serving() ? Status.UP : Status.DOWN,
        Optional.of(Map.of("target", probe.target(), "status", health.status())));
  }
}
