package com.shopsuite.midimo.chat;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message of a thread. Ids are opaque; within a thread they order exactly as the messages were
 * accepted, which is what {@link MessagePage#nextBeforeId()} relies on.
 */
public record ChatMessage(
    String id,
    String threadId,
    String userId,
    String content,
    List<String> attachmentIds,
    Map<String, String> metadata,
    Instant createdAt)
    implements Serializable {

  public ChatMessage {
    attachmentIds = List.copyOf(attachmentIds);
    metadata = Map.copyOf(metadata);
  }
}
