package com.shopsuite.midimo.chat;

/** A live subscription to a thread's events. Closing it cancels the underlying gRPC stream. */
public interface ThreadEventSubscription extends AutoCloseable {

  /** Cancels the stream; the listener gets no further calls. Idempotent. */
  @Override
  void close();
}
