package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.rest.access.Caller;
import com.shopsuite.midimo.rest.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** A thread: reading it and its messages, posting, typing. */
@Path("/threads/{thread_id}")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.STOREFRONT})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ThreadResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Inject ChatService chat;

  @Inject PresenceService presence;

  @Inject Caller caller;

  @GET
  public ThreadView get(@PathParam("thread_id") @Size(max = 128) String threadId) {
    return ThreadView.of(chat.getThread(threadId));
  }

  @GET
  @Path("/messages")
  public MessagePageView messages(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
      @QueryParam("before_id") @Size(max = 128) String beforeId) {
    String before = beforeId == null || beforeId.isBlank() ? null : beforeId;
    return MessagePageView.of(chat.getThreadMessages(threadId, limit, before));
  }

  @POST
  @Path("/messages")
  @APIResponseSchema(value = MessageView.class, responseCode = "201")
  public Response post(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @HeaderParam(IDEMPOTENCY_KEY) @IdempotencyKey String idempotencyKey,
      @Valid @NotNull(message = "a JSON object is required") PostMessageRequest request) {
    String author = caller.actAs(request.userId(), "user_id");
    ChatMessage message =
        chat.sendMessage(
            threadId, author, request.content(), request.attachments(), idempotencyKey);
    return created(message);
  }

  @POST
  @Path("/order-updates")
  @RolesAllowed(Roles.STOREFRONT)
  @APIResponseSchema(value = MessageView.class, responseCode = "201")
  public Response postOrderUpdate(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @HeaderParam(IDEMPOTENCY_KEY) @IdempotencyKey String idempotencyKey,
      @Valid @NotNull(message = "a JSON object is required") OrderUpdateRequest request) {
    ChatMessage message =
        chat.sendOrderUpdateMessage(
            threadId, request.orderId(), request.status(), request.message(), idempotencyKey);
    return created(message);
  }

  @PUT
  @Path("/typing")
  public void typing(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Valid @NotNull(message = "a JSON object is required") TypingRequest request) {
    String typist = caller.actAs(request.userId(), "user_id");
    if (request.isTyping()) {
      presence.startTyping(threadId, typist);
    } else {
      presence.stopTyping(threadId, typist);
    }
  }

  private static Response created(ChatMessage message) {
    return Response.status(Response.Status.CREATED).entity(MessageView.of(message)).build();
  }
}
