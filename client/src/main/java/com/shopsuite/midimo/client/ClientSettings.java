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

  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_STREAM_MAX_DURATION = Duration.ofMinutes(15);

  public ClientSettings {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(jwt, "jwt");
    ConnectionSettings.requirePositive(callTimeout, "callTimeout");
    ConnectionSettings.requirePositive(streamMaxDuration, "streamMaxDuration");
  }

  /** Default deadlines; the seed's {@code MidimoChatClient(host, port, secure, timeout)}. */
  public static ClientSettings of(ConnectionSettings connection, JwtSettings jwt) {
    return new ClientSettings(connection, jwt, DEFAULT_CALL_TIMEOUT, DEFAULT_STREAM_MAX_DURATION);
  }

  public ClientSettings withCallTimeout(Duration timeout) {
    return new ClientSettings(connection, jwt, timeout, streamMaxDuration);
  }
}
