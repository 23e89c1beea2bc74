package com.shopsuite.midimo.floor;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The storefront API's {@code POST …/messages}, twice: for anyone ({@code /open}, called without a
 * token, so nothing is verified) and for the storefront's token only ({@code /verified}, verified
 * as the storefront API verifies it). Both answer the message as if posted, calling nobody.
 */
@Path("/")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {

  @POST
  @Path("open/threads/{thread_id}/messages")
  @PermitAll
  public Response open(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Valid @NotNull PostedMessage.Request request) {
    return Floor.posted(threadId, request);
  }

  @POST
  @Path("verified/threads/{thread_id}/messages")
  @RolesAllowed("storefront")
  public Response verified(
      @PathParam("thread_id") @Size(max = 128) String threadId,
      @Valid @NotNull PostedMessage.Request request) {
    return Floor.posted(threadId, request);
  }
}
