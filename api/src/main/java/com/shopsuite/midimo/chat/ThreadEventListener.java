package com.shopsuite.midimo.chat;

import com.shopsuite.midimo.error.MidimoChatException;

/**
 * Receives a thread's live events. Called on a gRPC thread, one call at a time: implementations
 * must be quick and must not block (hand the event over, don't process it there).
 */
public interface ThreadEventListener {

  /**
   * Midimo Chat has the subscription in place (its response headers arrived): every event posted
   * from now on is delivered, so a gap can be read from the history without missing any.
   */
  default void onSubscribed() {}

  void onEvent(ThreadEvent event);

  /** The stream ended with a failure; no further calls follow. */
  void onError(MidimoChatException failure);

  /** Midimo Chat ended the stream normally; no further calls follow. */
  void onCompleted();
}
