package com.shopsuite.midimo.chat;

import java.time.Instant;
import java.util.List;

/** Something that happened in a thread, relayed live from Midimo Chat. */
public sealed interface ThreadEvent {

  String threadId();

  Instant occurredAt();

  /** A message was posted. */
  record MessagePosted(String threadId, Instant occurredAt, ChatMessage message)
      implements ThreadEvent {}

  /**
   * A participant started or stopped typing; stopping includes the typing timeout expiring.
   *
   * @param expiresAt when typing stops by itself unless refreshed; null when {@code typing} is
   *     false
   */
  record TypingChanged(
      String threadId, Instant occurredAt, String userId, boolean typing, Instant expiresAt)
      implements ThreadEvent {}

  /**
   * Messages were posted that cannot be replayed (more than the live events keep of a thread's
   * history were missed): reload the thread's messages instead.
   */
  record HistoryGap(String threadId, Instant occurredAt) implements ThreadEvent {}

  /** Users became participants of the thread (e.g. an agent took it over). */
  record ParticipantsAdded(String threadId, Instant occurredAt, List<String> userIds)
      implements ThreadEvent {

    public ParticipantsAdded {
      userIds = List.copyOf(userIds);
    }
  }
}
