package com.shopsuite.midimo.chat;

/**
 * Live events of a thread (new messages, typing), for relaying to browsers. However many subscribe
 * to one thread on a node, Midimo Chat carries one stream for them; when it breaks, the node opens
 * it again and replays what was posted meanwhile, so a subscriber sees every message once, in
 * order.
 */
public interface ThreadEventService {

  /**
   * Subscribes to a thread's live events. Returns at once; events, and the end of the subscription,
   * arrive on the listener, which must not block. Close the subscription when the consumer goes
   * away.
   *
   * @param lastEventId the id of the last message the subscriber received (a reconnecting browser's
   *     Last-Event-ID), or null: when given, every message posted after it is delivered first (or a
   *     {@link ThreadEvent.HistoryGap}, when that is more than can be replayed), then the live
   *     events, with no gap and no duplicate
   * @throws com.shopsuite.midimo.error.ServiceUnavailableException when the node serves as many
   *     subscribers, or carries as many streams to Midimo Chat, as it may
   */
  ThreadEventSubscription subscribe(
      String threadId, String lastEventId, ThreadEventListener listener);
}
