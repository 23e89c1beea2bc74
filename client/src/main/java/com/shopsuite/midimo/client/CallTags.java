package com.shopsuite.midimo.client;

import io.grpc.CallOptions;

/** What the client attaches to each call for its interceptors: ids for the header and the log. */
final class CallTags {

  /** The correlation id (HTTP {@code X-Request-Id}, JMS, or generated) of the call. */
  static final CallOptions.Key<String> REQUEST_ID = CallOptions.Key.create("midimo.request-id");

  /** The idempotency key ({@code request_id} field) of a write; absent on reads. */
  static final CallOptions.Key<String> IDEMPOTENCY_KEY =
      CallOptions.Key.create("midimo.idempotency-key");

  private CallTags() {}
}
