package com.shopsuite.midimo.client;

/**
 * Told about every finished call to Midimo Chat, e.g. to record metrics. Called on gRPC threads:
 * implementations must be quick, thread-safe and must not throw.
 */
@FunctionalInterface
public interface CallObserver {

  CallObserver NONE = (rpc, status, durationNanos) -> {};

  /**
   * @param rpc short method name, e.g. {@code ChatService/SendMessage}
   * @param status the gRPC status code name, e.g. {@code OK}, {@code UNAVAILABLE}
   */
  void onCallCompleted(String rpc, String status, long durationNanos);
}
