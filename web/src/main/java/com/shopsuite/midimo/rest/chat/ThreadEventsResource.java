package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.rest.error.ProblemResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A thread's live events as Server-Sent Events, so that browsers get updates without polling. */
@Path("/threads/{thread_id}/events")
@RequestScoped
@Tag(name = "Thread events")
@APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
@APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
@APIResponse(responseCode = "502", ref = ProblemResponses.BAD_GATEWAY)
@APIResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
@APIResponse(responseCode = "504", ref = ProblemResponses.TIMEOUT)
public class ThreadEventsResource {

  @Inject ChatService chat;

  @Inject SseThreadEventRelays relays;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "The thread's live events (Server-Sent Events)",
      description =
          """
          Events: message_created (id: the message id; data: a Message), typing_changed (data: \
          user_id, is_typing, expires_at). When Midimo Chat ends the stream: end (data: \
          thread_id); when it fails: stream_error (data: a Problem); the stream then closes and an \
          EventSource reconnects by itself. A comment line is sent periodically \
          (midimo.chat.sse.heartbeat, 5 s by default) to keep the connection alive.""")
  @APIResponse(
      responseCode = "200",
      description = "The event stream",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
              example =
                  """
                  event: message_created
                  id: msg_000124
                  data: {"message_id":"msg_000124","thread_id":"th_1a2b3c","user_id":"agent_7",\
                  "content":"Your parcel left the warehouse","attachment_ids":[],"metadata":{},\
                  "created_at":"2025-01-15T09:32:00Z"}

                  event: typing_changed
                  data: {"user_id":"cust_123","is_typing":true,"expires_at":"2025-01-15T09:32:10Z"}
                  """))
  public void stream(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    // Before the stream opens: an unknown thread is a plain 404 problem, not an event.
    chat.getThread(threadId);
    relays.open(threadId, sink, sse);
  }
}
