package com.shopsuite.midimo.chat;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Midimo Chat thread, as the suite sees it.
 *
 * @param participants every user who may post, the creator included
 * @param metadata free-form pairs, e.g. {@code source=e_commerce}, {@code order_id=...}
 */
public record ChatThread(
    String id,
    String title,
    String creatorId,
    List<String> participants,
    Map<String, String> metadata,
    Instant createdAt,
    Instant updatedAt)
    implements Serializable {

  public ChatThread {
    participants = List.copyOf(participants);
    metadata = Map.copyOf(metadata);
  }

  /** The metadata value for {@code key}, if the thread has one. */
  public Optional<String> metadata(String key) {
    return Optional.ofNullable(metadata.get(key));
  }
}
