package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.rest.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

/**
 * A thread's live events as Server-Sent Events, so that browsers get updates without polling. A
 * browser reconnecting sends the standard Last-Event-ID header (the id of the last message it got)
 * and receives every message posted since, then the live ones.
 */
@Path("/threads/{thread_id}/events")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.STOREFRONT})
public class ThreadEventsResource {

  @Inject ChatService chat;

  @Inject SseThreadEventRelays relays;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  // No responses scanned (a void method would be documented as 204): openapi.yaml has the stream.
  @APIResponses
  public void stream(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @HeaderParam("Last-Event-ID") @Size(max = 128) String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    // Before the stream opens: an unknown thread is a plain 404 problem, and a cap of the node a
    // 503 with Retry-After, not events.
    chat.getThread(threadId);
    relays.open(
        threadId,
        lastEventId == null || lastEventId.isBlank() ? null : lastEventId,
        sink,
        sse,
        BrowserConnections.abortOfCurrentRequest());
  }
}
