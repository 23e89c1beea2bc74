package com.shopsuite.midimo.floor;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What both floor resources answer: the message, as if posted, without calling anyone. */
final class Floor {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Floor() {}

  static Response posted(String threadId, PostedMessage.Request request) {
    PostedMessage message =
        new PostedMessage(
            String.format("msg_%06d", SEQUENCE.incrementAndGet()),
            threadId,
            request.userId(),
            request.content(),
            request.attachmentIds() == null ? List.of() : request.attachmentIds(),
            Map.of(),
            Instant.now());
    return Response.status(Response.Status.CREATED).entity(message).build();
  }
}
