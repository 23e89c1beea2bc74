package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.SupportThread;
import com.shopsuite.midimo.rest.access.Caller;
import com.shopsuite.midimo.rest.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The support thread of a customer's order: created once, found again afterwards. */
@Path("/support-threads")
@RequestScoped
// A customer opens support threads for themselves; the storefront for any customer.
@RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SupportThreadResource {

  @Inject ChatService chat;

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
}
