package com.shopsuite.midimo.chat;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One page of a thread's messages, oldest first.
 *
 * @param hasMore whether older messages exist before the first one of this page
 */
public record MessagePage(List<ChatMessage> messages, boolean hasMore) implements Serializable {

  public MessagePage {
    messages = List.copyOf(messages);
  }

  /** The {@code beforeId} that reads the next (older) page, when there is one. */
  public Optional<String> nextBeforeId() {
    return hasMore && !messages.isEmpty() ? Optional.of(messages.get(0).id()) : Optional.empty();
  }
}
