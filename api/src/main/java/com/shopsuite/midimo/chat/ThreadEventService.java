package com.shopsuite.midimo.chat;

/** Live events of a thread (new messages, typing), for relaying to browsers. */
public interface ThreadEventService {

  /**
   * Opens Midimo Chat's event stream for a thread. Returns at once; events, and the end of the
   * stream, arrive on the listener. Close the subscription when the consumer goes away.
   */
  ThreadEventSubscription subscribe(String threadId, ThreadEventListener listener);
}
