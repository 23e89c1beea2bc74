package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.SupportThread;
import com.shopsuite.midimo.rest.error.ProblemResponses;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The support thread of a customer's order: created once, found again afterwards. */
@Path("/support-threads")
@RequestScoped
@Tag(name = "Support threads")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
@APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
@APIResponse(responseCode = "502", ref = ProblemResponses.BAD_GATEWAY)
@APIResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
@APIResponse(responseCode = "504", ref = ProblemResponses.TIMEOUT)
public class SupportThreadResource {

  @Inject ChatService chat;

  @POST
  @Operation(
      summary = "The support thread of an order",
      description =
          "Creates the customer's support thread for the order, or finds it when it exists:"
              + " asking again for the same customer and order gives the same thread_id.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      headers = @Header(name = "Location", description = "The thread: /threads/{thread_id}"),
      content = @Content(schema = @Schema(implementation = ThreadView.class)))
  @APIResponse(
      responseCode = "200",
      description = "It already existed",
      content = @Content(schema = @Schema(implementation = ThreadView.class)))
  public Response create(
      @Valid @NotNull(message = "a JSON object is required") SupportThreadRequest request,
      @Context UriInfo uri) {
    SupportThread support =
        chat.createSupportThread(request.customerId(), request.orderId(), request.productId());
    ThreadView thread = ThreadView.of(support.thread());
    if (!support.created()) {
      return Response.ok(thread).build();
    }
    URI location = uri.getBaseUriBuilder().path(ThreadResource.class).build(thread.threadId());
    return Response.created(location).entity(thread).build();
  }
}
