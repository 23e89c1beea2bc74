package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.rest.error.ProblemResponses;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A thread: reading it and its messages, posting, typing. */
@Path("/threads/{thread_id}")
@RequestScoped
@Tag(name = "Threads")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
@APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
@APIResponse(responseCode = "502", ref = ProblemResponses.BAD_GATEWAY)
@APIResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
@APIResponse(responseCode = "504", ref = ProblemResponses.TIMEOUT)
public class ThreadResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Inject ChatService chat;

  @Inject PresenceService presence;

  @GET
  @Operation(summary = "A thread", description = "Served from the thread-info cache while fresh.")
  @APIResponseSchema(value = ThreadView.class, responseDescription = "The thread")
  public ThreadView get(@PathParam("thread_id") @Size(max = 128) String threadId) {
    return ThreadView.of(chat.getThread(threadId));
  }

  @GET
  @Path("/messages")
  @Operation(
      summary = "A page of messages, oldest first",
      description =
          "Without before_id, the newest page. To read further back, pass the page's"
              + " next_before_id (its first message's id) as before_id.")
  @APIResponseSchema(value = MessagePageView.class, responseDescription = "The page")
  public MessagePageView messages(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Parameter(description = "Page size, 1 to 200")
          @QueryParam("limit")
          @DefaultValue("50")
          @Min(1)
          @Max(200)
          int limit,
      @Parameter(description = "Only messages older than this one", example = "msg_000071")
          @QueryParam("before_id")
          @Size(max = 128)
          String beforeId) {
    String before = beforeId == null || beforeId.isBlank() ? null : beforeId;
    return MessagePageView.of(chat.getThreadMessages(threadId, limit, before));
  }

  @POST
  @Path("/messages")
  @Operation(
      summary = "Posts a message",
      description =
          "With an Idempotency-Key, posting the same key again in this thread posts nothing"
              + " and answers the message the first request posted.")
  @APIResponseSchema(
      value = MessageView.class,
      responseCode = "201",
      responseDescription = "Posted (or posted before, with the same Idempotency-Key)")
  @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
  public Response post(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Parameter(
              description = "Makes retries safe: 1 to 128 of A-Z a-z 0-9 . _ : -",
              example = "checkout-7f3a-msg-1")
          @HeaderParam(IDEMPOTENCY_KEY)
          @IdempotencyKey
          String idempotencyKey,
      @Valid @NotNull(message = "a JSON object is required") PostMessageRequest request) {
    ChatMessage message =
        chat.sendMessage(
            threadId, request.userId(), request.content(), request.attachments(), idempotencyKey);
    return created(message);
  }

  @POST
  @Path("/order-updates")
  @Operation(
      summary = "Posts an order status update",
      description =
          "Posted by the suite's system user, with metadata type=order_update, order_id and"
              + " status. Idempotency-Key works as for messages.")
  @APIResponseSchema(
      value = MessageView.class,
      responseCode = "201",
      responseDescription = "Posted (or posted before, with the same Idempotency-Key)")
  @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
  public Response postOrderUpdate(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Parameter(description = "Makes retries safe: 1 to 128 of A-Z a-z 0-9 . _ : -")
          @HeaderParam(IDEMPOTENCY_KEY)
          @IdempotencyKey
          String idempotencyKey,
      @Valid @NotNull(message = "a JSON object is required") OrderUpdateRequest request) {
    ChatMessage message =
        chat.sendOrderUpdateMessage(
            threadId, request.orderId(), request.status(), request.message(), idempotencyKey);
    return created(message);
  }

  @PUT
  @Path("/typing")
  @Operation(
      summary = "Typing started or stopped",
      description =
          "Repeated starts within a few seconds are coalesced; Midimo Chat ends typing by"
              + " itself after 10 s unless refreshed.")
  @APIResponse(responseCode = "204", description = "Done")
  public void typing(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Valid @NotNull(message = "a JSON object is required") TypingRequest request) {
    if (request.isTyping()) {
      presence.startTyping(threadId, request.userId());
    } else {
      presence.stopTyping(threadId, request.userId());
    }
  }

  private static Response created(ChatMessage message) {
    return Response.status(Response.Status.CREATED).entity(MessageView.of(message)).build();
  }
}
