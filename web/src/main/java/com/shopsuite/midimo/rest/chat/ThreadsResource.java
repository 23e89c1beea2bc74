package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.rest.access.Caller;
import com.shopsuite.midimo.rest.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Threads in general (the guide's create_thread); an order's support thread has its own. */
@Path("/threads")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.STOREFRONT})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ThreadsResource {

  @Inject ChatService chat;

  @Inject Caller caller;

  @POST
  @APIResponseSchema(value = ThreadView.class, responseCode = "201")
  public Response create(
      @HeaderParam(ThreadResource.IDEMPOTENCY_KEY) @IdempotencyKey String idempotencyKey,
      @Valid @NotNull(message = "a JSON object is required") CreateThreadRequest request,
      @Context UriInfo uri) {
    ChatThread thread =
        chat.createThread(
            caller.actAs(request.userId(), "user_id"),
            request.title(),
            request.others(),
            request.pairs(),
            idempotencyKey);
    return Response.created(uri.getBaseUriBuilder().path(ThreadResource.class).build(thread.id()))
        .entity(ThreadView.of(thread))
        .build();
  }
}
