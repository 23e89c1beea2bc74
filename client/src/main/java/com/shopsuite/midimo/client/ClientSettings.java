package com.shopsuite.midimo.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link MidimoChatClient} needs.
 *
 * @param callTimeout the deadline of every unary call
 * @param streamMaxDuration the deadline of an event stream; a browser's EventSource reconnects by
 *     itself when it ends, so long-lived streams are recycled rather than held forever
 */
public record ClientSettings(
    ConnectionSettings connection,
    JwtSettings jwt,
    Duration callTimeout,
    Duration streamMaxDuration) {

  public ClientSettings {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(jwt, "jwt");
    ConnectionSettings.requirePositive(callTimeout, "callTimeout");
    ConnectionSettings.requirePositive(streamMaxDuration, "streamMaxDuration");
  }

  public ClientSettings withCallTimeout(Duration timeout) {
    return new ClientSettings(connection, jwt, timeout, streamMaxDuration);
  }
}
