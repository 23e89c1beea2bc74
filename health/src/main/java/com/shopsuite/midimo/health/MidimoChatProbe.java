package com.shopsuite.midimo.health;

import com.shopsuite.midimo.client.ServiceHealth;

/**
 * What the health checks ask of whoever owns the channels to Midimo Chat (the EJB module's channel
 * pool implements it). Declared here, in a library jar, because the checks must live in one and
 * cannot see the EJB module's classes.
 */
public interface MidimoChatProbe {

  /** Asks Midimo Chat's gRPC health service; never throws. */
  ServiceHealth health();

  /** Where Midimo Chat is expected, {@code host:port}, for the report. */
  String target();

  /** Whether the channels are open, i.e. the integration can make calls at all. */
  boolean channelsOpen();
}
