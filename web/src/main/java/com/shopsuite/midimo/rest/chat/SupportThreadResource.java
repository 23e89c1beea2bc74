package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.SupportDesk;
import com.shopsuite.midimo.chat.SupportThread;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The support thread of a customer's order (created once, found again afterwards), and the support
 * desk: the threads waiting for an agent, claiming one, handing one over.
 */
@Path("/support-threads")
@RequestScoped
// A customer opens support threads for themselves; the storefront for any customer.
@RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SupportThreadResource {

  @Inject ChatService chat;

  @Inject SupportDesk desk;

  @Inject Caller caller;

  @POST
  @APIResponseSchema(value = ThreadView.class, responseCode = "201")
  public Response create(
      @Valid @NotNull(message = "a JSON object is required") SupportThreadRequest request,
      @Context UriInfo uri) {
    SupportThread support =
        chat.createSupportThread(
            caller.actAs(request.customerId(), "customer_id"),
            request.orderId(),
            request.productId());
    ThreadView thread = ThreadView.of(support.thread());
    if (!support.created()) {
      return Response.ok(thread).build();
    }
    URI location = uri.getBaseUriBuilder().path(ThreadResource.class).build(thread.threadId());
    return Response.created(location).entity(thread).build();
  }

  /** The support threads waiting for an agent, oldest first: every agent's queue. */
  @GET
  @Path("/unassigned")
  @RolesAllowed({Roles.AGENT, Roles.STOREFRONT})
  public ThreadPageView waiting(
      @QueryParam("page_size") @DefaultValue("50") @Min(1) @Max(200) int pageSize,
      @QueryParam("page_token") @Size(max = 512) String pageToken) {
    String token = pageToken == null || pageToken.isBlank() ? null : pageToken;
    return ThreadPageView.of(desk.waiting(pageSize, token));
  }

  /**
   * An agent takes a waiting support thread. Not under {@code {thread_id}}: the agent is not a
   * participant yet, which is what claiming changes.
   */
  @POST
  @Path("/{queued_thread_id}/claim")
  @RolesAllowed(Roles.AGENT)
  public ThreadView claim(@PathParam("queued_thread_id") @Size(max = 128) String threadId) {
    return ThreadView.of(desk.claim(threadId, caller.id()));
  }

  /** Hands a support thread to another agent: by the agent who has it, or the storefront. */
  @POST
  @Path("/{thread_id}/handoff")
  @RolesAllowed({Roles.AGENT, Roles.STOREFRONT})
  public ThreadView handOff(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Valid @NotNull(message = "a JSON object is required") HandOffRequest request) {
    String from = caller.actsForAnyone() ? null : caller.id();
    return ThreadView.of(desk.handOff(threadId, from, request.agentId()));
  }
}
