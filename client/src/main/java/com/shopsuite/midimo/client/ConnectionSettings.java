package com.shopsuite.midimo.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Midimo Chat is and how to hold connections to it.
 *
 * @param secure TLS on (production) or plaintext (the local emulator)
 * @param trustCertificates PEM file of the CAs to trust with TLS; null means the JVM's trust store
 * @param poolSize how many channels (HTTP/2 connections) to spread calls over
 * @param keepAliveTime idle time before a keepalive ping; gRPC servers refuse pings more often than
 *     every 5 minutes unless configured otherwise, so that is the default
 * @param keepAliveTimeout how long to wait for the ping's answer before dropping the connection
 */
public record ConnectionSettings(
    String host,
    int port,
    boolean secure,
    Path trustCertificates,
    int poolSize,
    Duration keepAliveTime,
    Duration keepAliveTimeout) {

  public ConnectionSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    if (poolSize < 1 || poolSize > 64) {
      throw new IllegalArgumentException("pool size must be 1..64, was " + poolSize);
    }
    requirePositive(keepAliveTime, "keepAliveTime");
    requirePositive(keepAliveTimeout, "keepAliveTimeout");
  }

  public Optional<Path> trustCertificatesFile() {
    return Optional.ofNullable(trustCertificates);
  }

  public ConnectionSettings withPoolSize(int size) {
    return new ConnectionSettings(
        host, port, secure, trustCertificates, size, keepAliveTime, keepAliveTimeout);
  }

  static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
